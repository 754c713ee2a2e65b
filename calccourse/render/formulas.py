"""Formulas as terminal text: SymPy's Unicode pretty printer, or the lesson's own text."""

from __future__ import annotations

from calccourse.content.schema import Formula


def formula_text(formula: Formula, width: int = 76) -> str:
    """The formula drawn in Unicode (x², ∂f/∂x, matrices as bracketed grids)."""
    if formula.text is not None:
        return formula.text
    import sympy
    from sympy.parsing.sympy_parser import parse_expr

    expression = parse_expr(formula.sympy, evaluate=False)
    return sympy.pretty(expression, use_unicode=True, num_columns=width)
