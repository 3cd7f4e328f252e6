"""Threads for the audit's numerical steps on a CPU (probe, PCA, neighbours) after the image pass.

On a CPU with a few cores, the dense linear algebra of a small audit (a few thousand vectors) gains
little from a second thread, and loses a lot when anything else runs on the machine: a team of
threads waits at every barrier for its slowest member. Measured on the 2-core build machine under
background load (docs/benchmarks.md): the out-of-fold probe of 2,000 x 1,280 vectors took 3.4-3.9 s
on one thread and 6.8-7.1 s on two; the outlier check's PCA 0.8 s and 1.7-4.2 s. So small problems
run on one thread (torch and the BLAS under numpy / scipy alike), larger ones on every core.
"""

from __future__ import annotations

from contextlib import contextmanager

# below this many embedding values (rows x dimensions) the numerical steps run on one thread
SINGLE_THREAD_MAX_VALUES = 2 ** 24


def numeric_threads(n_rows: int, dim: int, device: str, cores: int | None = None) -> int | None:
    """Threads for the numerical steps of ``n_rows x dim`` vectors on ``device``; None: leave as set."""
    if str(device).startswith("cuda"):
        return None
    from ._backends import available_cores

    return 1 if n_rows * max(dim, 1) <= SINGLE_THREAD_MAX_VALUES else (cores or available_cores())


@contextmanager
def cpu_threads(n: int | None):
    """torch's intra-op threads and the BLAS / OpenMP pools (threadpoolctl) set to ``n`` inside the block."""
    if n is None:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:  # pragma: no cover - scikit-learn brings it
            yield
            return
        with threadpool_limits(limits=n):
            yield
    finally:
        torch.set_num_threads(before)
