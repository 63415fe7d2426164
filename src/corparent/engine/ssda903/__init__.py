"""The SSDA903 return: tables, code lists, readers and the synthetic council generator."""
