"""nbval runs the chapters here: their stored figure outputs come from Jupyter's inline backend,
so the kernels get that backend whatever MPLBACKEND the shell exports (Agg would turn every figure
into a "<Figure size …>" line and fail the comparison)."""

import os

os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
