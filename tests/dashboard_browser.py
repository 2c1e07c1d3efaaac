#!/usr/bin/python3
"""The dashboard in Debian's headless Chromium, driven by Selenium (test_dashboard_browser.cpp
starts the server and its database, then runs this; /usr/bin/python3: Debian's python3-selenium).

  dashboard_browser.py URL PASSWORD FOLLOW_PATH OUT_DIR

Logs in with the keyboard (Tab, typing, Enter) as "coord", then for the overview and one agency
page at 1366x768 and at a phone's 390x844: waits for every chart, counts the coloured pixels of
each canvas, measures the contrast of every visible text against its background (WCAG AA:
4.5:1, 3:1 for large text), checks the page does not scroll sideways, and takes screenshots.
Prints one JSON object: the figures the C++ test asserts (and the table « Attente par agence »
as the page shows it, to compare with SQL)."""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

URL, PASSWORD, FOLLOW, OUT = sys.argv[1:5]

CONTRAST_JS = r"""
function lum(c) {
  var v = c.map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function rgb(s) { var m = s.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
function background(el) {
  for (; el; el = el.parentElement) {
    var c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
  }
  return [255, 255, 255];
}
var worst = null, checked = 0;
document.querySelectorAll("body *").forEach(function (el) {
  var own = Array.prototype.some.call(el.childNodes, function (n) {
    return n.nodeType === 3 && n.textContent.trim() !== ""; });
  if (!own) return;
  var r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || r.left < -1000) return;
  var st = getComputedStyle(el);
  var fg = rgb(st.color).slice(0, 3), bg = background(el);
  var a = lum(fg), b = lum(bg);
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  var size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
  var need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
  checked++;
  if (ratio < need && (!worst || ratio / need < worst.ratio / worst.need)) {
    worst = {text: el.textContent.trim().slice(0, 40), ratio: ratio, need: need};
  }
});
return {checked: checked, worst: worst};
"""

PIXELS_JS = r"""
return Array.prototype.map.call(document.querySelectorAll("figure.chart canvas"), function (c) {
  var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, n = 0;
  for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
});
"""

TABLE_JS = r"""
var t = document.getElementById(arguments[0]);
if (!t) return null;
return Array.prototype.map.call(t.querySelectorAll("tbody tr"), function (tr) {
  return Array.prototype.map.call(tr.children, function (td) { return td.textContent.trim(); });
});
"""


def browser(width, height):
    options = Options()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--lang=fr-FR", "--window-size=%d,%d" % (width, height)):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(width, height)
    return driver


def login(driver, result):
    driver.get(URL + "/connexion")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)  # the first field gets the focus by keyboard
    active = driver.switch_to.active_element
    result["first_focus"] = active.get_attribute("id")
    active.send_keys("coord")
    active.send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(PASSWORD + Keys.ENTER)
    for _ in range(50):
        if "/tableau" in driver.current_url:
            break
        time.sleep(0.1)
    result["after_login"] = driver.current_url
    if "/tableau" not in driver.current_url:
        sys.stderr.write(driver.page_source[:2000] + "\n")


def look(driver, path, name, result):
    driver.get(URL + path)
    for _ in range(100):
        charts = driver.execute_script("return document.querySelectorAll('figure.chart').length")
        drawn = driver.execute_script("return document.querySelectorAll('figure.chart.drawn').length")
        if charts and drawn == charts:
            break
        time.sleep(0.1)
    page = {"charts": charts, "drawn": drawn,
            "pixels": driver.execute_script(PIXELS_JS),
            "contrast": driver.execute_script(CONTRAST_JS),
            "sideways": driver.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"),
            "title": driver.title,
            "waits": driver.execute_script(TABLE_JS, "t-attente")}
    driver.save_screenshot("%s/%s.png" % (OUT, name))
    # keyboard: the first Tab reaches the skip link, which leads to the content
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    page["skip"] = driver.switch_to.active_element.text
    result[name] = page


def main():
    result = {}
    desk = browser(1366, 768)
    try:
        login(desk, result)
        look(desk, "/tableau?du=2026-11-02&au=2026-11-29", "tableau-1366x768", result)
        look(desk, "/agence/bourail?du=2026-11-02&au=2026-11-29", "agence-1366x768", result)
        desk.get(URL + FOLLOW)
        result["follow"] = {"text": desk.find_element(By.TAG_NAME, "main").text,
                            "contrast": desk.execute_script(CONTRAST_JS)}
        cookies = desk.get_cookies()
    finally:
        desk.quit()
    phone = browser(390, 844)
    try:
        phone.get(URL + "/connexion")
        for c in cookies:
            phone.add_cookie({"name": c["name"], "value": c["value"], "path": "/"})
        look(phone, "/tableau?du=2026-11-02&au=2026-11-29", "tableau-390x844", result)
        phone.get(URL + FOLLOW)
        result["follow_phone_sideways"] = phone.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth")
        phone.save_screenshot("%s/suivre-390x844.png" % OUT)
    finally:
        phone.quit()
    print(json.dumps(result, ensure_ascii=False))


main()
