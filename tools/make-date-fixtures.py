#!/usr/bin/python3
"""Writes the issue 15 fixtures for document dates and titles into tests/data/readers/, from our
own sentences, in the shapes real files have: a press release HWPX whose first block is a table
holding 보도자료 and whose creation date is its template's, Markdown with front matter, HTML with
meta dates, and news texts with datelines.

Usage: /usr/bin/python3 tools/make-date-fixtures.py [OUT_DIR]
Only these files are written (tools/make-fixtures.py writes the others); they are small and
committed, so run again only to change them.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import format_writers as fw  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'tests', 'data', 'readers')
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


# ---- HWPX press release: the first block is a table whose middle cell is 보도자료; the title
# sits in a one-cell table; the release date in a table row; the package metadata is the 2008
# template's (title "3", CreatedDate 2008) with a last-saved date of the day before release.
sections = [fw.hwpx_table([['', '보도자료', '']]) +
            fw.hwpx_table([['‘24년 1분기 지역 데이터센터 전력 사용 12% 감소']]) +
            fw.hwpx_table([['보도시점', '2024. 6. 21.(금) 11:00', '배포', '2024. 6. 21.(금) 09:00']]) +
            fw.hwpx_text('2024년 1분기 지역 데이터센터의 전력 사용량은 전년 동기 대비 12% 줄었다.') +
            fw.hwpx_text('전력망 여유가 있는 지역에 새 데이터센터를 먼저 짓는다는 계획은 2023년 11월 4일에 발표되었다.')]
write('issue15_press_release.hwpx',
      fw.make_hwpx(sections, title='3', creator='kb 편집부', created='2008-09-17T09:00:00Z', modified='2024-06-20T23:07:50Z'))

# ---- HWPX made from a template and stating no date: its last-saved date is the document's.
sections = [fw.hwpx_text('입 법 예 고') +
            fw.hwpx_text('연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다.')]
write('issue15_template_only.hwpx',
      fw.make_hwpx(sections, title='', created='2006-02-06 22:49:08', modified='2023-12-31T09:01:37Z'))

# ---- Markdown with front matter (metadata, not a passage).
write('issue15_front_matter.md', '''---
title: "지역 데이터센터 전력 계획 2차 보고"
date: 2024-03-05
url: https://example.org/reports/power-2
author: 김하늘
tags:
  - 전력
---

전력망 여유가 있는 지역에 데이터센터를 먼저 짓는다.

## 세부 계획

연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다.
''')

# ---- HTML: <title> carries the site's name; og:title and the publication time are meta.
write('issue15_meta_dates.html', '''<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Grid limits slow new data centres | kb Example News</title>
<meta property="og:title" content="Grid limits slow new data centres">
<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">
<meta name="dc.date" content="2019-01-01">
</head><body><div class="date">Updated March 9, 2024</div>
<h1>Grid limits slow new data centres</h1>
<p>Regional data centres are built first where the grid has spare capacity.</p></body></html>
''')

# ---- News texts: a Korean dateline after the agency, an English wire dateline, and a
# year-less wire dateline (no date), each with an older event date in the story.
write('issue15_dateline_ko.txt', '''데이터센터 전력 수요, 1년 새 12% 늘어

(서울=연합뉴스) 김하늘 기자 = 2024.3.5 14:20

국내 데이터센터의 전력 사용량이 1년 새 12% 늘었다. 2023년 11월 4일에 발표된 계획은 전력망 여유가 있는 지역을 먼저 꼽았다.
''')
write('issue15_dateline_en.txt', '''Grid limits slow new data centres

WASHINGTON, March 5, 2024 (Reuters) - Regional data centres are built first where the grid has spare capacity, officials said on Tuesday, after a plan announced on November 4, 2023.
''')
write('issue15_dateline_yearless.txt', '''Grid limits slow new data centres

WASHINGTON, March 5 (Reuters) - Regional data centres are built first where the grid has spare capacity, officials said on Tuesday.
''')
