"""RoleMatrix: edit and check responsibility (RACI) matrices."""

__version__ = "0.1.0"
