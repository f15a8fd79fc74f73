"""Reading: brief files to `Brief`s. Finds the files (`sources`), decodes their bytes
(`decoding`), reduces HTML to text (`html_text`) and cuts each page into dated segments
(`briefs`). The first stage: it imports no other stage."""

from kg.read.briefs import Brief, Segment, parse_brief, read_briefs
from kg.read.sources import SourceError, brief_files, read_text

__all__ = ["Brief", "Segment", "SourceError", "brief_files", "parse_brief", "read_briefs", "read_text"]
