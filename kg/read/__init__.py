"""Reading: brief files to `Brief`s. Finds the files (`sources`), decodes their bytes
(`decoding`), reduces HTML to text (`html_text`) and cuts each page into dated segments
(`briefs`); `language` tells whether a text is English, and names its language when not. The
first stage: it imports no other stage."""

from kg.read.briefs import Brief, Segment, parse_brief, read_briefs
from kg.read.language import foreign_language, not_english
from kg.read.sources import SourceError, brief_files, brief_text, read_text

__all__ = [
    "Brief",
    "Segment",
    "SourceError",
    "brief_files",
    "brief_text",
    "foreign_language",
    "not_english",
    "parse_brief",
    "read_briefs",
    "read_text",
]
