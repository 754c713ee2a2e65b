"""Lesson 5 — Backpropagation.

Task: write the pieces of backward() for one dense layer z = a_prev @ W + b, a = act(z):
  * dsigmoid(z)   the derivative of the sigmoid, at every entry of z,
  * drelu(z)      the derivative of ReLU: 1 where z > 0, 0 where z < 0,
  * backward_layer(da, z, a_prev, W, dact)  the gradients (dW, db, da_prev).

Replace each `raise NotImplementedError` with your code, then check your work:

    calccourse check 5 lesson5.py
"""

import numpy as np


def dsigmoid(z):
    """σ′(z) for σ(z) = 1 / (1 + e^(−z)), elementwise.

    Args:
        z: a number or a numpy array.
    Returns:
        σ′(z), the same shape as z. Example: dsigmoid(0.0) == 0.25
    """
    raise NotImplementedError


def drelu(z):
    """ReLU′(z) elementwise: 1.0 where z > 0 and 0.0 where z < 0.

    Args:
        z: a number or a numpy array.
    Returns:
        The derivative, the same shape as z. Example: drelu(np.array([-2.0, 3.0])) → [0.0, 1.0]
    """
    raise NotImplementedError


def backward_layer(da, z, a_prev, W, dact):
    """Backward pass through one layer z = a_prev @ W + b, a = act(z).

    Args:
        da: dL/da, shape (batch, n_out) — one row per sample.
        z: the layer's pre-activations, shape (batch, n_out).
        a_prev: the layer's input, shape (batch, n_in).
        W: the weights, shape (n_in, n_out).
        dact: the derivative of act, applied elementwise (e.g. your drelu).
    Returns:
        A tuple (dW, db, da_prev): dW shaped like W, db of shape (1, n_out) or
        (n_out,), da_prev shaped like a_prev. Gradients are summed over the batch.
        Example: with a_prev of shape (5, 4) and W of shape (4, 3), dW has shape (4, 3),
        db shape (3,) and da_prev shape (5, 4).
    """
    raise NotImplementedError
