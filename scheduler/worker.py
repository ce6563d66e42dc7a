"""The child process of a contained job: ``python -m kupur.scheduler.worker`` (see kupur.scheduler.containment).

Reads ``{"target": "module:function", "kwargs": {...}}`` from stdin, runs it, and writes one JSON
line to stdout: ``{"ok": true, "result": ...}``, or ``{"ok": false, "error": "..."}`` for a Kupür
error (exit status 1). Anything else escapes with its traceback on stderr (exit status 2). While
the target runs, stdout is pointed at stderr so that nothing it prints can garble the answer.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from typing import Any

from apscheduler.util import ref_to_obj

from kupur.core.errors import KupurError


def main() -> int:
    answer_to = sys.stdout
    sys.stdout = sys.stderr
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", stream=sys.stderr
    )
    request: dict[str, Any] = json.loads(sys.stdin.read())
    try:
        target = ref_to_obj(request["target"])
        result = target(**request.get("kwargs", {}))
    except KupurError as exc:
        answer_to.write(json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False) + "\n")
        return 1
    except BaseException:
        traceback.print_exc()
        return 2
    answer_to.write(json.dumps({"ok": True, "result": result}, ensure_ascii=False, default=str))
    answer_to.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
