"""corparent: the system a council runs its corporate parenting on."""

__version__ = "0.1.0"
