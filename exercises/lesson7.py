"""Lesson 7 — Support vector machines.

Task: for points in the plane labelled −1 or +1 (linearly separable), write
  * max_margin_line(points, labels)   the max-margin line a·x + b·y + c = 0,
  * support_vectors(points, labels)   the indices of the points on the margin.

Replace each `raise NotImplementedError` with your code, then check your work:

    calccourse check 7 lesson7.py
"""

import numpy as np


def max_margin_line(points, labels):
    """The line a·x + b·y + c = 0 that separates the classes with the widest margin.

    Args:
        points: an (n, 2) numpy array of (x, y) points.
        labels: a length-n numpy array of −1 and +1.
    Returns:
        (a, b, c), scaled so that min over i of labelᵢ·(a·xᵢ + b·yᵢ + c) = 1, with the +1
        class on the positive side. Example: for (0,0) in class −1 and (1,2), (2,1) in
        class +1 the answer is (2/3, 2/3, −1).
    """
    raise NotImplementedError


def support_vectors(points, labels):
    """The indices of the points that lie on the margin of the max-margin line.

    Args:
        points: an (n, 2) numpy array; labels: a length-n array of −1 and +1.
    Returns:
        A list of indices into points. Example: for the three points above, [0, 1, 2].
    """
    raise NotImplementedError
