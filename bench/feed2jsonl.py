#!/usr/bin/env python3
"""Convert a feedserver -dump folder (RSS feeds) to `tidings analyze` JSONL, in time order.

    feed2jsonl.py DUMP_DIR > corpus.jsonl
"""
import glob, json, re, sys
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
records = []
for path in glob.glob(sys.argv[1] + "/feeds/*.xml"):
    feed = re.findall(r"(\d+)\.xml$", path)[0]
    for item in ET.parse(path).iter("item"):
        text = lambda name: item.findtext(name) or ""
        rec = {"id": text("guid"), "title": text("title"), "body": item.findtext(CONTENT) or text("description"),
               "url": text("link"), "source": "feed " + feed}
        try:
            rec["published"] = parsedate_to_datetime(text("pubDate")).isoformat()
        except (TypeError, ValueError):
            pass
        records.append(rec)
records.sort(key=lambda r: (r.get("published", ""), r["id"]))
for r in records:
    print(json.dumps(r))
