"""scrapelint steps for `datatrove <https://github.com/huggingface/datatrove>`_ pipelines.

``ScrapelintCleaner`` rewrites each document's text with scrapelint's fixes applied;
``ScrapelintFilter`` drops the documents a ``--drop-if`` style expression matches::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from scrapelint.datatrove import ScrapelintCleaner, ScrapelintFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("raw/"),
        ScrapelintCleaner(),
        ScrapelintFilter(drop_if="boilerplate_share > 0.5 or off_topic > 0",
                         exclusion_writer=JsonlWriter("rejects/")),
        JsonlWriter("clean/"),
    ], tasks=4).run()

Both put the record summary (the ``scrapelint`` field of ``scrapelint clean``: counts
per category and severity, ``rules``, ``boilerplate_share``, ``score``...) in
``doc.metadata["scrapelint"]``. datatrove is imported only by this module, so the base
package does not depend on it.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from . import DropIf, Linter

__all__ = ["ScrapelintCleaner", "ScrapelintFilter"]

METADATA_KEY = "scrapelint"


class ScrapelintCleaner(PipelineStep):
    """Applies scrapelint's safe fixes (and unsafe ones with ``unsafe_fixes=True``) to
    each document's text, and records what was found in ``metadata["scrapelint"]``.

    Args:
        linter: the rules to use (default: the built-in rules). It is pickled to the
            workers with its options and rebuilt there.
        unsafe_fixes: also apply fixes that may remove article text.
        findings: also store the remaining findings (as ``to_dict()`` dictionaries)
            under ``metadata["scrapelint"]["findings"]``.
    """

    name = "🧹 scrapelint cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        linter: Optional[Linter] = None,
        unsafe_fixes: bool = False,
        findings: bool = False,
    ):
        super().__init__()
        self.linter = linter if linter is not None else Linter()
        self.unsafe_fixes = unsafe_fixes
        self.findings = findings

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> DocumentsPipeline:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                record = self.linter.clean_record(doc.text, unsafe_fixes=self.unsafe_fixes)
            if record.text != doc.text:
                self.stat_update("cleaned")
            self.stat_update("fixes", value=record.summary["fixed"])
            doc.text = record.text
            doc.metadata[METADATA_KEY] = _metadata(record, self.findings)
            yield doc


class ScrapelintFilter(BaseFilter):
    """Drops the documents for which ``drop_if`` holds, with the expression as reason.

    The expression is the command line's ``--drop-if`` language over the record
    summary (``boilerplate_share > 0.5 or off_topic > 0``). A document that went
    through ``ScrapelintCleaner`` is judged on the cleaner's summary (what was found
    before cleaning); any other is checked here. Kept documents carry the summary and
    their findings in ``metadata["scrapelint"]``.

    Args:
        drop_if: the expression; documents matching it are dropped.
        linter: the rules to use (default: the built-in rules).
        exclusion_writer: where dropped documents go (datatrove's own argument).
    """

    name = "🔍 scrapelint filter"

    def __init__(
        self,
        drop_if: str,
        linter: Optional[Linter] = None,
        exclusion_writer: Optional[DiskWriter] = None,
    ):
        super().__init__(exclusion_writer)
        self.drop_if = DropIf(drop_if)
        self.linter = linter if linter is not None else Linter()

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        meta = doc.metadata.get(METADATA_KEY)
        if not (isinstance(meta, dict) and "score" in meta):
            record = self.linter.check_record(doc.text)
            meta = _metadata(record, findings=True)
            doc.metadata[METADATA_KEY] = meta
        if self.drop_if.matches(meta):
            return False, str(self.drop_if)
        return True


def _metadata(record: Any, findings: bool) -> Dict[str, Any]:
    meta = dict(record.summary)
    if findings:
        meta["findings"] = [d.to_dict() for d in record.diagnostics]
    return meta
