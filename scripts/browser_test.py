#!/usr/bin/env python3
"""Drives `edx serve` with a real headless Chromium (Selenium), as a neurologist would use it.

Run by Tests/EDXViewerTests/BrowserTests.swift, which starts `edx serve` and makes the batch folder;
install the browser and Selenium first with scripts/viewer-browser.sh (docs/viewer.md).

    .build/viewer-venv/bin/python scripts/browser_test.py --url URL --fixture FILE --batch DIR \
        --code CODE --expect-count N --impression TEXT --flag "29 L" --screenshots DIR

Steps: open the link with the token; upload the fixture through the file input; wait for the
report; check the impression and the flagged value (bold, marked abnormal for screen readers), that
the printed page holds the report without navigation, and that Tab reaches the skip link first;
download the PDF through the page's link and check it starts with %PDF; open the batch folder
through the form and filter it by diagnosis code; check that a request without the token is
refused with 403; save screenshots of the start page, the report and the batch.
Exit codes: 0 every check passed; 1 a check failed (the message says which); 2 usage error.
"""

import argparse
import http.client
import os
import sys
import tempfile
import time
import urllib.parse

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager fetch a driver or a browser

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)
    print(f"ok: {message}")


def make_driver(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1400,1000", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-default-apps", "--no-default-browser-check", "--lang=en-US"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


def screenshot(driver, folders, name):
    """Saves a full-page screenshot of the current page into each folder."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(int(height), 800), 2400))
    for folder in folders:
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"viewer-{name}.png")
        check(driver.save_screenshot(path), f"screenshot {path}")
    driver.set_window_size(1400, 1000)


def wait_for_file(folder, suffix, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = [f for f in os.listdir(folder) if f.endswith(suffix)]
        if done:
            return os.path.join(folder, done[0])
        time.sleep(0.2)
    raise CheckFailed(f"no {suffix} file was downloaded into {folder} within {timeout} s")


def status_without_token(url, path):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


def run(arguments):
    downloads = tempfile.mkdtemp(prefix="edx-browser-downloads-")
    folders = [arguments.screenshots] + ([arguments.docs_images] if arguments.docs_images else [])
    driver = make_driver(downloads)
    wait = WebDriverWait(driver, 60)
    try:
        # The start page, reached through the link with the token.
        driver.get(arguments.url)
        check(driver.find_element(By.TAG_NAME, "h1").text == "edx viewer", "the start page opens with the token")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the page declares its language")
        label = driver.find_element(By.CSS_SELECTOR, "label[for=files]")
        check("Export files" in label.text, "the file input has a label")
        screenshot(driver, folders, "home")

        # Upload through the file input, as a user would, and wait for the report.
        driver.find_element(By.ID, "files").send_keys(os.path.abspath(arguments.fixture))
        driver.find_element(By.CSS_SELECTOR, "form[action='/upload'] button[type=submit]").click()
        wait.until(EC.presence_of_element_located((By.ID, "section-impression")))
        check("/study/" in driver.current_url, f"the upload leads to the report ({driver.current_url})")
        report = driver.find_element(By.CSS_SELECTOR, "article.report")
        check(arguments.impression in report.text, "the report shows the impression")
        flagged = [cell for cell in driver.find_elements(By.CSS_SELECTOR, "td.abnormal")
                   if cell.text.startswith(arguments.flag)]
        check(flagged, f"the value {arguments.flag!r} is shown flagged")
        cell = flagged[0]
        check(cell.find_element(By.TAG_NAME, "strong").value_of_css_property("font-weight") in ("700", "bold"),
              "the flagged value is bold, not only coloured")
        hidden = cell.find_element(By.CSS_SELECTOR, ".visually-hidden")
        check(hidden.get_attribute("textContent").strip() == "(abnormal)", "the flagged value is named abnormal")
        check(driver.find_elements(By.CSS_SELECTOR, "figure.diagram svg"), "the lesion diagram is drawn inline")
        check(driver.find_elements(By.CSS_SELECTOR, "aside h2#aside-diagnostics"), "the diagnostics are beside it")
        screenshot(driver, folders, "report")

        # Printed, the report stands alone: no navigation, aside or forms.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        check(not driver.find_element(By.CSS_SELECTOR, "header.site").is_displayed()
              and not driver.find_element(By.TAG_NAME, "aside").is_displayed(),
              "printed, the page has no navigation and no aside")
        check(driver.find_element(By.ID, "section-impression").is_displayed(), "printed, the report is all there")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        # The keyboard reaches the content first through the skip link.
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        check(focused.get_attribute("class") == "skip-link", "the first Tab lands on the skip link")

        # The PDF through the page's own link, into the browser's download folder.
        driver.find_element(By.CSS_SELECTOR, "a[href$='/download/pdf']").click()
        pdf = wait_for_file(downloads, ".pdf")
        with open(pdf, "rb") as handle:
            check(handle.read(5) == b"%PDF-", f"the downloaded {os.path.basename(pdf)} is a PDF")

        # The batch folder through the form of the start page, then a filter.
        driver.find_element(By.CSS_SELECTOR, "a[href='/']").click()
        wait.until(EC.presence_of_element_located((By.ID, "folder")))
        driver.find_element(By.ID, "folder").send_keys(arguments.batch)
        driver.find_element(By.CSS_SELECTOR, "form[action='/batch'] button[type=submit]").click()
        wait.until(EC.presence_of_element_located((By.ID, "batch-table")))
        check("/batch/" in driver.current_url, "the batch folder opens")
        Select(driver.find_element(By.ID, "filter-code")).select_by_value(arguments.code)
        driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        wait.until(EC.url_contains("code="))
        count = driver.find_element(By.ID, "batch-count").text
        expected = f"of {arguments.expect_count}"
        check(count.endswith(expected), f"the filter by {arguments.code} counts {arguments.expect_count} ({count!r})")
        rows = driver.find_elements(By.CSS_SELECTOR, "#batch-table tbody tr")
        check(len(rows) == min(arguments.expect_count, 50), f"the table shows {len(rows)} rows")
        check(all(arguments.code in row.text for row in rows), "every row has the diagnosis filtered for")
        screenshot(driver, folders, "batch")

        # A study of the batch, from its row.
        rows[0].find_element(By.CSS_SELECTOR, "th a").click()
        wait.until(EC.presence_of_element_located((By.ID, "section-impression")))
        check("/batch/" in driver.current_url and "study" in driver.current_url, "a batch study opens as a report")

        # Without the token (no cookie, no query): refused.
        status, body = status_without_token(arguments.url, "/")
        check(status == 403 and "Forbidden" in body, f"a request without the token is refused ({status})")
        status, _ = status_without_token(arguments.url, "/study/1/download/pdf")
        check(status == 403, f"a download without the token is refused ({status})")
    finally:
        driver.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="the link printed by edx serve, with its token")
    parser.add_argument("--fixture", required=True, help="an export file to upload")
    parser.add_argument("--batch", required=True, help="a batch output folder to open")
    parser.add_argument("--code", required=True, help="a diagnosis code to filter the batch by")
    parser.add_argument("--expect-count", type=int, required=True, help="how many studies have that code")
    parser.add_argument("--impression", required=True, help="text the impression must hold")
    parser.add_argument("--flag", required=True, help="the start of a value shown flagged, e.g. '29 L'")
    parser.add_argument("--screenshots", required=True, help="folder for the screenshots")
    parser.add_argument("--docs-images", help="also write the screenshots here (docs/images)")
    arguments = parser.parse_args()
    if "token=" not in arguments.url:
        parser.error("--url must carry the token")
    try:
        run(arguments)
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    print("browser test: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
