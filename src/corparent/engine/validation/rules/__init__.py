"""DfE's 903 validation rules, one module per group; each module lists its rules in ``RULES``."""
