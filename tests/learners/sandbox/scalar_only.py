"""Scalar-only answers: math.exp and branches break on numpy arrays."""
import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def drelu(z):
    if z > 0:
        return 1.0
    return 0.0


def kind(x):
    return type(x).__name__


def squares_only_for_scalars(x):
    """Gives a different answer on arrays than element by element."""
    import numpy as np

    return x**2 if np.ndim(x) == 0 else x
