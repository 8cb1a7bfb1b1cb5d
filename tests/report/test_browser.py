"""The HTML report in a real headless Chromium (Debian's `chromium` and `chromium-driver`):
it loads offline with no console errors, the radar chart is drawn and visible, nothing
overlaps or overflows at desktop and phone widths, and it prints to PDF.

Skipped when Chromium, its driver or selenium is missing, unless CXMATURITY_BROWSER_TESTS is
`required` (as `.ci/run` sets it once Chromium is installed), where that is a failure.
Set CXMATURITY_SCREENSHOT to a .png path to keep the desktop screenshot (docs/report.png).
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxmaturity.report.html import render_html
from cxmaturity.run.merge import merge_files
from cxmaturity.scoring.engine import score

from ..conftest import EXAMPLES

REQUIRED = os.environ.get("CXMATURITY_BROWSER_TESTS") == "required"
WIDTHS = {"desktop": 1280, "phone": 390}

# Problems a person would see, found from the laid-out page (returns a list of strings).
LAYOUT_CHECK = (Path(__file__).parents[1] / "layout_check.js").read_text(encoding="utf-8")


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"browser tests are required but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        _unavailable("chromium and chromedriver are not installed "
                     "(apt-get install -y chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(chromedriver)), options=options)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The merged three-interviewee example: every section, disagreements included."""
    merged = merge_files(sorted(str(p) for p in (EXAMPLES / "interviews").glob("*.yaml")))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(merged.annotate(score(merged.submission))), encoding="utf-8")
    return path


def _open(driver: Any, page: Path, width: int, media: str = "screen") -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    driver.get(page.as_uri())
    driver.get_log("browser")  # drop messages of earlier pages


def test_loads_offline_without_console_errors(driver: Any, page: Path) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    driver.get(page.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    messages = [entry for entry in driver.get_log("browser") if entry["level"] != "INFO"]
    assert messages == []
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert fetched == []
    assert driver.title.startswith("Meridian Health Network")


def test_radar_chart_is_drawn_and_visible(driver: Any, page: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(driver, page, WIDTHS["desktop"])
    chart = driver.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.is_displayed()
    assert chart.size["width"] >= 300 and chart.size["height"] >= 300
    current = driver.execute_script(
        "const b = document.querySelector('svg.chart polygon.current').getBBox();"
        "return [b.width, b.height];")
    target = driver.execute_script(
        "const b = document.querySelector('svg.chart polygon.target').getBBox();"
        "return [b.width, b.height];")
    assert min(current) > 50 and target[0] > current[0]
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.chart circle")) == 8


@pytest.mark.parametrize("device", list(WIDTHS))
def test_nothing_overlaps(driver: Any, page: Path, device: str) -> None:
    width = WIDTHS[device]
    _open(driver, page, width)
    assert driver.execute_script(LAYOUT_CHECK) == []
    height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 1500), "scale": 1}})
    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == width
    keep = os.environ.get("CXMATURITY_SCREENSHOT")
    if keep and device == "desktop":
        Path(keep).write_bytes(png)


def test_prints_to_pdf(driver: Any, page: Path) -> None:
    _open(driver, page, WIDTHS["desktop"], media="print")
    background = driver.execute_script(
        "return getComputedStyle(document.querySelector('header.top')).backgroundColor")
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert driver.execute_script(LAYOUT_CHECK) == []
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "printBackground": True, "paperWidth": 8.27, "paperHeight": 11.69})["data"])
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") >= 1


def test_layout_check_catches_overlap_and_overflow(driver: Any, tmp_path: Path) -> None:
    """The check above is not vacuous: a page with a known overlap and overflow fails it."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html><head><link rel='icon' href='data:,'></head><body><main>"
        "<section class='card' style='height:80px'><h2>One</h2></section>"
        "<section class='card' style='margin-top:-60px;height:80px'><h2>Two</h2></section>"
        "<section class='card' style='width:200px'><p style='white-space:nowrap'>"
        + "word " * 80 + "</p></section></main></body></html>", encoding="utf-8")
    _open(driver, broken, WIDTHS["phone"])
    problems = driver.execute_script(LAYOUT_CHECK)
    assert any(p.startswith("blocks: section.card") and "overlaps" in p for p in problems)
    assert any(p.startswith("page is ") for p in problems)
    assert any(p.startswith("text overflows: p") for p in problems)
