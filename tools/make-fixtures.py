#!/usr/bin/python3
"""Writes kb's reader test fixtures into tests/data/readers/ from our own sentences.

Usage: /usr/bin/python3 tools/make-fixtures.py [OUT_DIR]
Needs Debian's python3-gi + gir1.2-gsf-1 (HWP 5) and qpdf (the encrypted PDF). The results are
small and committed; run again only to change them. Files the tests make at run time (no read
permission, symlink loops, files over the size limit, files deleted mid-run) are not here.
"""
import io
import os
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import format_writers as fw  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'tests', 'data', 'readers')
os.makedirs(OUT, exist_ok=True)

KO_TITLE = '지역 데이터센터 전력 계획'
KO = ['지방 데이터센터는 전력망 여유가 있는 곳에 먼저 짓는다.',
      '연구자 공용 GPU 클러스터는 분기마다 사용률을 공개한다.']
EN_TITLE = 'Regional compute plan'
EN = ['Regional data centres are built first where the grid has spare capacity.',
      'The shared research GPU cluster publishes its utilisation every quarter.']


def write(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


# ---- text
write('text_utf8.txt', KO_TITLE + '\n\n' + '\n\n'.join(KO + EN) + '\n')
write('text_utf16le_bom.txt', b'\xff\xfe' + ('\n\n'.join([KO_TITLE] + KO) + '\n').encode('utf-16-le'))
write('text_utf16be_bom.txt', b'\xfe\xff' + ('\n\n'.join([EN_TITLE] + EN) + '\n').encode('utf-16-be'))
write('text_euckr.txt', ('\n\n'.join([KO_TITLE] + KO) + '\n').encode('euc-kr'))
write('text_cp949.txt', ('똠방각하 펲시 뷁 — 확장 완성형 글자가 든 문단이다.\n\n' + KO[0] + '\n').replace('—', '-').encode('cp949'))
write('empty.txt', b'')

# ---- HTML
write('page.html', f'''<!DOCTYPE html>
<html lang="ko-KR"><head><meta charset="utf-8"><title>{KO_TITLE}</title>
<meta name="author" content="kb 편집부"><meta name="description" content="데이터센터 전력 요약">
<meta property="article:published_time" content="2025-03-01T09:00:00+09:00">
<style>p {{ color: red }} .secret {{}}</style><script>var hidden = "스크립트 문장";</script></head>
<body><nav><a href="/">홈</a> <a href="/about">소개 메뉴</a></nav>
<h1>{KO_TITLE}</h1><p>{KO[0]}</p><div>{KO[1]}<br>둘째 줄.</div>
<table><tr><th>지역</th><th>전력(MW)</th></tr><tr><td>전남</td><td>120</td></tr></table>
<ul><li>{EN[0]}</li></ul><noscript>자바스크립트를 켜세요</noscript></body></html>''')
write('page_euckr.html', ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
                          f'<title>{KO_TITLE}</title></head><body><p>{KO[0]}</p><p>{KO[1]}</p></body></html>').encode('euc-kr'))
write('malformed.html', f'<html><body><p>{EN[0]}<div><b>{EN[1]}<p>unclosed <i>tags <table><td>cell</body>')

# ---- XML
write('page.xhtml', f'''<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>{EN_TITLE}</title>
<meta name="author" content="kb desk"/></head><body><nav><p>Menu item</p></nav><h1>{EN_TITLE}</h1>
<p>{EN[0]}</p><p>{EN[1]} <b>Bold words</b> stay in the paragraph.</p><script>var x = 1;</script></body></html>''')
write('generic.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<report xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="ko"><dc:title>{KO_TITLE}</dc:title>
<dc:creator>kb 편집부</dc:creator><dc:date>2025-03-01</dc:date>
<section><para>{KO[0]}</para><para>{KO[1]} <em>강조</em> 포함.</para></section></report>''')
write('generic_euckr.xml', (f'<?xml version="1.0" encoding="EUC-KR"?><doc><title>{KO_TITLE}</title>'
                            f'<p>{KO[0]}</p></doc>').encode('euc-kr'))
write('malformed.xml', f'<?xml version="1.0"?><report><para>{EN[0]}</para><para>{EN[1]}</report>')
write('billion_laughs.xml', '''<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<lolz><p>&lol9;</p><p>&xxe;</p></lolz>
''')

# ---- DOCX
body = (fw.docx_para(EN_TITLE, 'Title') + fw.docx_para('Power first', '1') + fw.docx_para(EN[0]) +
        fw.docx_table([['Region', 'MW'], ['Jeonnam', '120']]) +
        fw.docx_textbox('Anchor paragraph.', 'Text box sentence appears once.') +
        fw.docx_tracked('Kept words', ' deleted words', ' inserted words.') + fw.docx_para(KO[0]))
docx = fw.make_docx(body, title=EN_TITLE, creator='kb desk', created='2025-03-01T09:00:00Z', language='en-GB')
write('brief.docx', docx)
write('truncated.docx', docx[:len(docx) // 2])
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('../evil.txt', 'climbs out')
    z.writestr('word/document.xml', '<w:document xmlns:w="x"><w:body/></w:document>')
write('traversal.docx', buf.getvalue())
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', b'<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>' + b' ' * (80 << 20) +
               b'</w:t></w:r></w:p></w:body></w:document>', compresslevel=9)
write('zipbomb.docx', buf.getvalue())
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_STORED) as z:
    for i in range(10050):
        z.writestr(f'e{i}', b'')
write('many_entries.zip.docx', buf.getvalue())

# Notes, headers and footers (issue 6): each header text once, page numbers never.
EN_NOTE = 'Spare capacity figures come from the 2024 regional grid survey.'
EN_ENDNOTE = '전력 수요 추정치는 연구진이 직접 계산했다.'
EN_HEADER = 'Regional compute plan, internal draft'
EN_FOOTER = 'Prepared by the kb desk for review'
body = (fw.docx_para(EN_TITLE, 'Title') +
        f'<w:p><w:r><w:t>{EN[0]}</w:t></w:r>{fw.docx_note_ref("footnote", 1)}</w:p>' +
        f'<w:p><w:r><w:t>{KO[0]}</w:t></w:r>{fw.docx_note_ref("endnote", 1)}</w:p>')
header = fw.docx_para(EN_HEADER)[:-len('</w:p>')] + fw.docx_page_field('47') + '</w:p>'
footer = ('<w:p>' + fw.docx_page_field('47') + '<w:r><w:t xml:space="preserve"> / </w:t></w:r>' +
          fw.docx_page_field('98', 'NUMPAGES', simple=True) + '</w:p>' + fw.docx_para(EN_FOOTER))
related = [('footnotes', 'footnotes.xml', fw.docx_notes_part('footnote', [EN_NOTE], notice='Continued on the next page')),
           ('endnotes', 'endnotes.xml', fw.docx_notes_part('endnote', [EN_ENDNOTE])),
           # default, first-page and even-page headers with the same words, as Word writes them
           ('header', 'header1.xml', fw.docx_header_part(header)),
           ('header', 'header2.xml', fw.docx_header_part(header)),
           ('header', 'header3.xml', fw.docx_header_part(header)),
           ('footer', 'footer1.xml', fw.docx_header_part(footer, footer=True)),
           ('footer', 'footer2.xml', fw.docx_header_part(footer, footer=True))]
write('notes.docx', fw.make_docx(body, title=EN_TITLE, creator='kb desk', related=related))

# ---- HWPX
sections = [fw.hwpx_text(KO_TITLE) + fw.hwpx_text(KO[0]) +
            fw.hwpx_para('변경<hp:deleteBegin Id="1"/> 삭제된 말<hp:deleteEnd Id="1"/> 유지<hp:tab/>문장'),
            fw.hwpx_table([['지역', '전력'], ['전남', '120']]) + fw.hwpx_text(KO[1])]
hwpx = fw.make_hwpx(sections, title=KO_TITLE, creator='kb 편집부', created='2025-03-01 09:00:00')
write('brief.hwpx', hwpx)
write('encrypted.hwpx', fw.make_hwpx(sections, title=KO_TITLE, encrypted=True))
KO_NOTE = '각주: 전력망 여유 용량은 2024년 지역 조사에서 나왔다.'
KO_CELL_NOTE = '표 각주: 전남 수치는 예비 집계다.'
KO_ENDNOTE = '미주: 사용률 공개 주기는 내년에 다시 정한다.'
KO_HEADER = '지역 데이터센터 전력 계획 내부 초안'
KO_FOOTER = 'kb 편집부 검토용'
page_num = '<hp:ctrl><hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT" sideChar="-"/></hp:ctrl>'
header_ctrl = fw.hwpx_ctrl('header', fw.hwpx_text(KO_HEADER), 'id="1" applyPageType="BOTH"')
footer_ctrl = fw.hwpx_ctrl('footer', fw.hwpx_text(KO_FOOTER) + fw.hwpx_para_with('', page_num), 'id="2" applyPageType="BOTH"')
cell_with_note = fw.hwpx_para_with('120', fw.hwpx_ctrl('footNote', fw.hwpx_text(KO_CELL_NOTE), 'number="2"'))
notes_sections = [
    fw.hwpx_para_with(KO_TITLE, header_ctrl + footer_ctrl, ctrl_first=True) +
    fw.hwpx_para_with(KO[0], fw.hwpx_ctrl('footNote', fw.hwpx_text(KO_NOTE), 'number="1"')) +
    fw.hwpx_table([['지역', '전력'], ['전남', cell_with_note]]) +
    fw.hwpx_para_with(KO[1], fw.hwpx_ctrl('endNote', fw.hwpx_text(KO_ENDNOTE), 'number="1"')),
    # the second section repeats the header for odd and even pages
    fw.hwpx_para_with(EN[0], fw.hwpx_ctrl('header', fw.hwpx_text(KO_HEADER), 'id="3" applyPageType="ODD"') +
                      fw.hwpx_ctrl('header', fw.hwpx_text(KO_HEADER), 'id="4" applyPageType="EVEN"'), ctrl_first=True)]
write('notes.hwpx', fw.make_hwpx(notes_sections, title=KO_TITLE, creator='kb 편집부'))
write('bad_section.hwpx', fw.make_hwpx([fw.hwpx_text(KO[0]) + '<hp:p><hp:run>'], title=KO_TITLE))

# ---- HWP 5
hwp = fw.make_hwp5([KO_TITLE] + KO + [EN[0]], title=KO_TITLE, author='kb 편집부')
write('brief.hwp', hwp)
write('hwp5_named.hwpx', hwp)  # an HWP 5 binary under an .hwpx name
# Tables and notes: a row's cells are one paragraph; a note in a cell follows the table.
tables_hwp = [
    # the same header for odd and even pages, and a footer: each once, after the body
    (KO_TITLE, [fw.hwp_header(KO_HEADER), fw.hwp_header(KO_HEADER), fw.hwp_header(KO_FOOTER, footer=True)]),
    ('표 1. 지역별 전력', [fw.hwp_table([['지역', '전력(MW)', '비고'],
                                         ['전남', [('120', [fw.hwp_note(KO_CELL_NOTE)])], ''],
                                         ['강원', '80', [('예비', []), ('2차 검토', [])]],
                                         ['합계', [('', [fw.hwp_table([['200', 'MW']])])]]])]),
    (KO[0], [fw.hwp_note(KO_NOTE)]),
    (KO[1], [fw.hwp_note(KO_ENDNOTE, endnote=True)])]
write('tables.hwp', fw.make_hwp5(tables_hwp, title=KO_TITLE, author='kb 편집부'))
# The same section as a raw record stream: the seed of the hwprecords fuzzer (tools/run-fuzz.sh).
os.makedirs(os.path.join(OUT, '..', 'hwp-records'), exist_ok=True)
with open(os.path.join(OUT, '..', 'hwp-records', 'tables.records'), 'wb') as f:
    f.write(fw.hwp5_records(tables_hwp))
write('distribution.hwp', fw.make_hwp5(KO, flags_extra=0x4))
write('truncated.hwp', hwp[:len(hwp) // 2])
write('hwp3_legacy.hwp', b'HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05' + b'\0' * 200)

# ---- PDF
pdf = fw.make_pdf([[EN_TITLE, EN[0], KO[0]], [EN[1], KO[1]]], title=EN_TITLE, author='kb desk')
write('brief.pdf', pdf)
write('truncated.pdf', pdf[:len(pdf) // 3])
write('scan.pdf', fw.make_pdf(None, raw_pages=[b'0.5 g 40 40 500 700 re f', b'0.2 g 60 60 400 600 re f']))
# Identity-H codes without a ToUnicode map: what a PDF with unmappable fonts yields.
garbage = ('BT /F3 10 Tf 1 0 0 1 40 800 Tm <' + ''.join(f'{c:04x}' for c in
           [0x36, 0x03, 0x48, 0x4F, 0x03, 0x03, 0x52, 0x03, 0x51, 0x57, 0x03, 0x55, 0x03, 0x44, 0x03, 0x5A]) + '> Tj ET')
nomap = fw.make_pdf(None, raw_pages=[garbage.encode()], identity_font=True)
write('no_unicode_map.pdf', nomap)
with tempfile.TemporaryDirectory() as tmp:
    plain = os.path.join(tmp, 'plain.pdf')
    with open(plain, 'wb') as f:
        f.write(pdf)
    subprocess.run(['qpdf', '--encrypt', 'user-secret', 'owner-secret', '256', '--', plain,
                    os.path.join(OUT, 'encrypted.pdf')], check=True)
print('fixtures written to', os.path.abspath(OUT))
