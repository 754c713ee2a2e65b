"""Lesson 4 answer: scipy.special.expit for σ, diag(σ(1−σ)) @ A with np.diag."""
import numpy as np
from scipy.special import expit


def jacobian(x, y, p, q, r, s, t, u):
    A = np.array([[p, q], [r, s], [t, u]])
    sigma = expit(A @ np.array([x, y]))
    return np.diag(sigma * (1 - sigma)) @ A
