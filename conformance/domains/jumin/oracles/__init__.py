"""住民記録's oracles in its folder: ``model/`` (the model's world, transitions, rules, judge) and ``kensaku``."""
