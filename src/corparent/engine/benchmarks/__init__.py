"""DfE's published tables: England, regions and every council's figures, statistical neighbours.

Django-free. ``read_benchmark_file(path)`` recognises a downloaded Explore Education Statistics file
by its columns and returns normalized rows (indicator id, collection year, level, area, value,
numerator, denominator, DfE's marker) with every problem found. Which file rows give which of our
indicators is declared once in ``shapes.toml`` and checked when loaded (``mapping.py``).
"""

from corparent.engine.benchmarks.mapping import ShapeMapping, builtin_mapping, load_mapping
from corparent.engine.benchmarks.median import neighbour_median
from corparent.engine.benchmarks.model import (
    BenchmarkFile,
    BenchmarkRow,
    GeoLevel,
    Level,
    NeighbourRow,
    PopulationRow,
    Problem,
)
from corparent.engine.benchmarks.read import read_benchmark_file

__all__ = [
    "BenchmarkFile",
    "BenchmarkRow",
    "GeoLevel",
    "Level",
    "NeighbourRow",
    "PopulationRow",
    "Problem",
    "ShapeMapping",
    "builtin_mapping",
    "load_mapping",
    "neighbour_median",
    "read_benchmark_file",
]
