"""Serves the built web app, falling back to index.html for client-side routes."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

_NOT_BUILT = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>业财融合门户</title>
<body style="font-family:sans-serif;margin:3em"><h1>业财融合门户</h1>
<p>前端尚未构建：请运行 <code>make run</code>（或 <code>cd frontend && npm ci && npm run build</code>）。</p>
<p>The web app is not built yet: run <code>make run</code>. The API is at <a href="/graphql">/graphql</a>.</p>"""


class SinglePageApp(StaticFiles):
    """Static files of ``frontend/dist``; unknown paths without a file extension get index.html."""

    def __init__(self, directory: Path) -> None:
        self.dist = directory
        super().__init__(directory=directory, check_dir=False)

    async def get_response(self, path: str, scope: Scope) -> Response:
        index = self.dist / "index.html"
        if not index.exists():
            return HTMLResponse(_NOT_BUILT, status_code=503)
        if path in ("", ".", "/"):  # the root: Starlette hands it over as "."
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        try:
            response = await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404 or "." in path.rsplit("/", 1)[-1]:
                raise
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        if path.startswith("assets/"):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response
