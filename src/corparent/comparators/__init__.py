"""DfE published figures: England, regions, statistical neighbours; the council's settings."""
