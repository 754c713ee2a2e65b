"""Lesson 4 — The Jacobian.

Task: for σ(z) = 1 / (1 + e^(−z)) and
      F(x, y) = (σ(px + qy), σ(rx + sy), σ(tx + uy)),
write jacobian(x, y, p, q, r, s, t, u): the 3×2 matrix of partial derivatives of F
(row i = output i, column j = input j, so column 1 is ∂/∂x and column 2 is ∂/∂y).

Replace `raise NotImplementedError` with your code, then check your work:

    calccourse check 4 lesson4.py
"""

import numpy as np


def jacobian(x, y, p, q, r, s, t, u):
    """The Jacobian of F at (x, y) for the constants p, q, r, s, t, u.

    Args:
        x, y: the point (numbers).
        p, q, r, s, t, u: the constants of F (numbers).
    Returns:
        A 3×2 matrix (numpy array, nested lists or a SymPy Matrix).
        Example: jacobian(0.3, -0.7, 0.3456, 0.8216, 0.3304, -1.3032, 0.9054, 0.4464)
        ≈ [[0.0817676, 0.1944005], [0.06462664, -0.25487052], [0.22624454, 0.11154709]]
    """
    raise NotImplementedError
