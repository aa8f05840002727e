"""Real Chromium (Debian's package) driven by Playwright; never a downloaded browser."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"


@pytest.fixture
async def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_POSTGRES"):  # CI: .ci/run installs it, so this is a failure
            pytest.fail(f"{CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        await browser.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


async def wait_until(page, expression: str, arg=None, timeout: float = 10.0) -> None:
    """Poll a JavaScript expression (or function of `arg`) until it is truthy.

    Not `page.wait_for_function`: that one compiles its predicate with eval inside the
    page, which the pages' own Content-Security-Policy forbids once it has to poll
    (a loaded machine), while `page.evaluate` goes through the debugging protocol."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await page.evaluate(expression, arg):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still false after {timeout:g} s: {expression}")
        await asyncio.sleep(0.05)
