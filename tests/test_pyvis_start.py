"""pyvis is imported without IPython (`kg.views.pyvis_start`), which a notebook needs and the views
do not; IPython, when asked for later, is the real one, and pyvis's notebook frame too."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from kg.views.pyvis_start import pyvis_network
Network = pyvis_network()
records = Network(directed=True, cdn_resources="remote")
records.add_node("n0", label="Belarus")
print("IPython" in sys.modules, [name for name in sys.modules if name.startswith("IPython")])
import pyvis.network
frame = pyvis.network.IFrame("graph.html", width=10, height=10)
print(type(frame).__module__, "IPython.display" in sys.modules, len(records.get_network_data()[0]))
"""


def test_pyvis_comes_without_ipython_and_its_notebook_frame_with_the_real_one() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["False []", "IPython.lib.display True 1"]
