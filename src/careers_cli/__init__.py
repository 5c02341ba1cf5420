"""Explore careers from the terminal, in English and Arabic."""

__version__ = "0.1.0"
