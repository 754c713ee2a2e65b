"""calccourse: the calculus behind machine learning, in the terminal."""

__version__ = "0.1.0"
