"""A coarse name for the device a session was opened on, from its User-Agent.

Only "browser · operating system" is kept ("Safari · iOS"): enough for a person to recognise
their phone in the list of devices, too little to fingerprint anyone. The full User-Agent is
never stored. Product names need no translation, so one label serves every language.
"""

import re

MAX_LABEL = 60
_UA_LIMIT = 512

# First match wins: the order matters (Edge and Opera carry "Chrome", Chrome carries "Safari").
_BROWSERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Edge", re.compile(r"\bEdg(e|A|iOS)?/")),
    ("Opera", re.compile(r"\bOPR/|\bOpera\b")),
    ("Samsung Internet", re.compile(r"\bSamsungBrowser/")),
    ("Firefox", re.compile(r"\bFirefox/|\bFxiOS/")),
    ("Chrome", re.compile(r"\bChrome/|\bCriOS/|\bChromium/")),
    ("Safari", re.compile(r"\bVersion/[\d.]+.*\bSafari/")),
)
_SYSTEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iPadOS", re.compile(r"\biPad\b")),
    ("iOS", re.compile(r"\biPhone\b|\biPod\b")),
    ("Android", re.compile(r"\bAndroid\b")),
    ("ChromeOS", re.compile(r"\bCrOS\b")),
    ("Windows", re.compile(r"\bWindows\b")),
    ("macOS", re.compile(r"\bMac OS X\b|\bMacintosh\b")),
    ("Linux", re.compile(r"\bLinux\b")),
)


def device_label(user_agent: str | None) -> str | None:
    """ "Firefox · Windows", "Safari · iOS", "Chrome" alone, or None for a non-browser."""
    if not user_agent:
        return None
    text = user_agent[:_UA_LIMIT]
    browser = next((name for name, pattern in _BROWSERS if pattern.search(text)), None)
    system = next((name for name, pattern in _SYSTEMS if pattern.search(text)), None)
    parts = [part for part in (browser, system) if part]
    if not parts:
        return None
    return " · ".join(parts)[:MAX_LABEL]
