#!/usr/bin/python3
"""Writes our corpus briefs (corpus/en, corpus/ko: the kb team's own text) again as DOCX, HWPX
and PDF into corpus/formats/{docx,hwpx,pdf}/, so that every format kb reads has real content of
ours to index. Same text, same paragraph order; Markdown headings become heading styles (DOCX)
and Markdown tables become tables (DOCX, HWPX).

Usage: /usr/bin/python3 tools/make-corpus-formats.py   (needs python3-gi + gir1.2-gsf-1 only for
the HWP writer, which this script does not use). The results are committed; run it again after
editing a brief.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import format_writers as fw  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'corpus')


def blocks_of(path):
    """[(kind, value)]: kind is 'h' (heading), 'p' (paragraph) or 't' (table rows)."""
    text = open(path, encoding='utf-8').read()
    lines = text.split('\n')
    is_md = path.endswith('.md')
    if not is_md:
        if any(not l.strip() for l in lines[1:-1]):
            return [('p', ' '.join(p.split())) for p in re.split(r'\n\s*\n', text) if p.strip()]
        return [('p', l.strip()) for l in lines if l.strip()]
    out, para, table = [], [], []
    def flush():
        if para:
            out.append(('p', ' '.join(para)))
            para.clear()
        if table:
            out.append(('t', list(table)))
            table.clear()
    for raw in lines:
        line = raw.strip().replace('**', '')
        if not line:
            flush()
        elif line.startswith('#'):
            flush()
            out.append(('h', line.lstrip('#').strip()))
        elif line.startswith('|'):
            if para:
                out.append(('p', ' '.join(para)))
                para.clear()
            cells = [c.strip() for c in line.strip('|').split('|')]
            if not all(re.fullmatch(r':?-+:?', c) for c in cells):
                table.append(cells)
        elif re.match(r'^([-*]|\d+\.)\s+', line):
            flush()
            out.append(('p', line))
        else:
            para.append(line)
    flush()
    return out


def title_of(blocks):
    for kind, value in blocks:
        if kind in ('h', 'p'):
            return value[:120]
    return ''


def main():
    sources = []
    for lang in ('en', 'ko'):
        folder = os.path.join(ROOT, lang)
        for name in sorted(os.listdir(folder)):
            if name.endswith(('.md', '.txt')):
                sources.append((lang, os.path.join(folder, name)))
    for sub in ('docx', 'hwpx', 'pdf'):
        os.makedirs(os.path.join(ROOT, 'formats', sub), exist_ok=True)
    for lang, path in sources:
        blocks = blocks_of(path)
        stem = os.path.splitext(os.path.basename(path))[0]
        title = title_of(blocks)
        body = ''
        for kind, value in blocks:
            if kind == 'h':
                body += fw.docx_para(value, 'Title' if not body else '1')
            elif kind == 'p':
                body += fw.docx_para(value)
            else:
                body += fw.docx_table(value)
        docx = fw.make_docx(body, title=title, creator='kb team', created='2025-10-20T09:00:00Z', language=lang)
        section = ''
        for kind, value in blocks:
            section += fw.hwpx_table(value) if kind == 't' else fw.hwpx_text(value)
        hwpx = fw.make_hwpx([section], title=title, creator='kb team', created='2025-10-20 09:00:00', language=lang)
        paragraphs = []
        for kind, value in blocks:
            paragraphs.extend(' | '.join(row) for row in value) if kind == 't' else paragraphs.append(value)
        pages, page, size = [], [], 0
        for p in paragraphs:  # about 2,400 characters a page (fewer for Korean, which is wider)
            weight = len(p) * (2 if any(ord(c) > 0x3000 for c in p) else 1)
            if page and size + weight > 2400:
                pages.append(page)
                page, size = [], 0
            page.append(p)
            size += weight
        if page:
            pages.append(page)
        pdf = fw.make_pdf(pages, title=title, author='kb team')
        for sub, data in (('docx', docx), ('hwpx', hwpx), ('pdf', pdf)):
            with open(os.path.join(ROOT, 'formats', sub, f'{lang}_{stem}.{sub}'), 'wb') as f:
                f.write(data)
    print('corpus formats written to', os.path.abspath(os.path.join(ROOT, 'formats')))


main()
