"""SymPy answer: Matrix.jacobian once, then substituted (works on numbers and on symbols)."""

import sympy as sp

_X, _Y, _P, _Q, _R, _S, _T, _U = sp.symbols("X Y P Q R S T U")


def _sigmoid(z):
    return 1 / (1 + sp.exp(-z))


_F = sp.Matrix([_sigmoid(_P * _X + _Q * _Y), _sigmoid(_R * _X + _S * _Y), _sigmoid(_T * _X + _U * _Y)])
_J = _F.jacobian([_X, _Y])


def jacobian(x, y, p, q, r, s, t, u):
    values = dict(zip((_X, _Y, _P, _Q, _R, _S, _T, _U), (x, y, p, q, r, s, t, u)))
    return _J.xreplace(values)
