"""Minimal writers for the document formats kb reads, used to build our own test fixtures and the
corpus in other formats from our own text. Python standard library only, plus GObject's Gsf
bindings (Debian: python3-gi, gir1.2-gsf-1) for the OLE2 container of HWP 5.

These writers produce small, valid files of each format's common shape; they are not general
libraries. Korean PDF text uses a non-embedded CID font (Adobe-Korea1, UniKS-UCS2-H): no font file
is needed to write it, and poppler maps it back to Unicode with poppler-data.
"""
import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

# ---------------------------------------------------------------- DOCX

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' \
       'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'


def docx_para(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_table(rows):
    out = ['<w:tbl>']
    for row in rows:
        out.append('<w:tr>' + ''.join(f'<w:tc>{docx_para(c)}</w:tc>' for c in row) + '</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)


def docx_textbox(anchor_text, box_text):
    """A paragraph with a text box as Word writes it: the DrawingML shape in mc:Choice and a VML
    copy of the same text in mc:Fallback."""
    box = docx_para(box_text)
    return ('<w:p><w:r><w:t xml:space="preserve">' + escape(anchor_text) + '</w:t></w:r><w:r>'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
            f'<w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape><v:textbox>'
            f'<w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r></w:p>')


def docx_tracked(kept, deleted, inserted):
    return ('<w:p><w:r><w:t xml:space="preserve">' + escape(kept) + '</w:t></w:r>'
            '<w:del w:id="1" w:author="kb"><w:r><w:delText xml:space="preserve">' + escape(deleted) +
            '</w:delText></w:r></w:del><w:ins w:id="2" w:author="kb"><w:r><w:t xml:space="preserve">' +
            escape(inserted) + '</w:t></w:r></w:ins></w:p>')


def docx_note_ref(kind, note_id):
    """A run with a footnote or endnote reference mark (kind: 'footnote' or 'endnote')."""
    return f'<w:r><w:{kind}Reference w:id="{note_id}"/></w:r>'


def docx_page_field(result, instr='PAGE', simple=False):
    """A page-number field with its cached result, as a complex field or as w:fldSimple."""
    if simple:
        return f'<w:fldSimple w:instr=" {instr} "><w:r><w:t>{result}</w:t></w:r></w:fldSimple>'
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} \\* MERGEFORMAT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def docx_notes_part(kind, notes, notice=''):
    """word/footnotes.xml or word/endnotes.xml: the two separator notes Word writes (ids -1, 0),
    an optional continuation notice, then one note per text, ids from 1."""
    root = 'footnotes' if kind == 'footnote' else 'endnotes'
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {W_NS}>',
           f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>']
    if notice:
        out.append(f'<w:{kind} w:type="continuationNotice" w:id="{len(notes) + 1}">{docx_para(notice)}</w:{kind}>')
    for i, text in enumerate(notes, 1):
        out.append(f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>'
                   f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:{kind}>')
    out.append(f'</w:{root}>')
    return ''.join(out)


def docx_header_part(paragraphs_xml, footer=False):
    root = 'ftr' if footer else 'hdr'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {W_NS}>{paragraphs_xml}</w:{root}>'


def make_docx(body_xml, title='', creator='', created='', language='', extra_entries=None, related=None):
    """related: (relationship type, part name under word/, xml) for parts document.xml refers to
    (footnotes, endnotes, header, footer); written with word/_rels/document.xml.rels."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml',
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('_rels/.rels',
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr('word/styles.xml',
                   f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W_NS}>'
                   '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
                   '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
                   '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>')
        z.writestr('word/document.xml',
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body_xml}'
                   '<w:sectPr/></w:body></w:document>')
        z.writestr('docProps/core.xml',
                   '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
                   'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                   'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                   f'<dc:title>{escape(title)}</dc:title><dc:creator>{escape(creator)}</dc:creator>'
                   f'<dc:language>{language}</dc:language>'
                   f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>')
        if related:
            rels = ''.join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rtype}" '
                           f'Target="{name}"/>' for i, (rtype, name, _) in enumerate(related, 10))
            z.writestr('word/_rels/document.xml.rels',
                       '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'{rels}</Relationships>')
            for _, name, data in related:
                z.writestr('word/' + name, data)
        for name, data in (extra_entries or []):
            z.writestr(name, data)
    return buf.getvalue()

# ---------------------------------------------------------------- HWPX

HP_NS = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"'


def hwpx_para(text_xml):
    """text_xml is the content of hp:t, already escaped (may hold hp:tab, hp:deleteBegin …)."""
    return f'<hp:p><hp:run><hp:t>{text_xml}</hp:t></hp:run><hp:linesegarray/></hp:p>'


def hwpx_text(text):
    return hwpx_para(escape(text))


def hwpx_table(rows):
    """rows of cells; a cell is text, or already built paragraph XML when it starts with '<'."""
    out = ['<hp:p><hp:run><hp:tbl>']
    for row in rows:
        out.append('<hp:tr>' + ''.join(f'<hp:tc><hp:subList>{c if c.startswith("<") else hwpx_text(c)}</hp:subList></hp:tc>'
                                       for c in row) + '</hp:tr>')
    out.append('</hp:tbl></hp:run></hp:p>')
    return ''.join(out)


def hwpx_ctrl(kind, paragraphs_xml, attrs=''):
    """A control with a paragraph list of its own, inside a run: kind is footNote, endNote, header
    or footer. Notes start with their number (hp:autoNum), which has no text."""
    number = '<hp:run><hp:ctrl><hp:autoNum num="1" numType="FOOTNOTE"/></hp:ctrl></hp:run>' if kind in ('footNote', 'endNote') else ''
    if number and paragraphs_xml.startswith('<hp:p>'):
        paragraphs_xml = '<hp:p>' + number + paragraphs_xml[len('<hp:p>'):]
    return (f'<hp:ctrl><hp:{kind} {attrs}><hp:subList textDirection="HORIZONTAL">{paragraphs_xml}</hp:subList>'
            f'</hp:{kind}></hp:ctrl>')


def hwpx_para_with(text, ctrl_xml, ctrl_first=False):
    """A paragraph whose run holds a control next to its text."""
    t = f'<hp:t>{escape(text)}</hp:t>' if text else ''
    inner = ctrl_xml + t if ctrl_first else t + ctrl_xml
    return f'<hp:p><hp:run>{inner}</hp:run><hp:linesegarray/></hp:p>'


def make_hwpx(sections, title='', creator='', created='', language='ko', encrypted=False, modified=''):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/hwp+zip', compress_type=zipfile.ZIP_STORED)
        z.writestr('version.xml', '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1"/>')
        items = ''.join(f'<opf:item id="section{i}" href="Contents/section{i}.xml" media-type="application/xml"/>' for i in range(len(sections)))
        spine = ''.join(f'<opf:itemref idref="section{i}"/>' for i in range(len(sections)))
        z.writestr('Contents/content.hpf',
                   '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
                   f'<opf:metadata><opf:title>{escape(title)}</opf:title><opf:language>{language}</opf:language>'
                   f'<opf:meta name="creator" content="text">{escape(creator)}</opf:meta>'
                   f'<opf:meta name="CreatedDate" content="text">{created}</opf:meta>'
                   + (f'<opf:meta name="ModifiedDate" content="text">{modified}</opf:meta>' if modified else '') +
                   '</opf:metadata>'
                   f'<opf:manifest>{items}</opf:manifest><opf:spine>{spine}</opf:spine></opf:package>')
        for i, body in enumerate(sections):
            data = f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {HP_NS}>{body}</hs:sec>'
            if encrypted:
                data = bytes((b * 7 + 13) & 0xFF for b in data.encode())  # stands in for ciphertext
            z.writestr(f'Contents/section{i}.xml', data)
        enc = ('<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k">'
               '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/></manifest:encryption-data>') if encrypted else ''
        z.writestr('META-INF/manifest.xml',
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                   f'<manifest:file-entry manifest:full-path="Contents/section0.xml" manifest:media-type="application/xml">{enc}</manifest:file-entry>'
                   '</manifest:manifest>')
    return buf.getvalue()

# ---------------------------------------------------------------- HWP 5


def hwp_record(tag, level, payload):
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack('<II', tag | (level << 10) | (0xFFF << 20), size) + payload
    return struct.pack('<I', tag | (level << 10) | (size << 20)) + payload


def hwp_para_records(text, tab_after_first_word=False, level=0, controls=()):
    """One paragraph at `level`: PARA_HEADER, PARA_TEXT, then the records of its controls
    (from hwp_table_records / hwp_note_records), each announced in the text by its 8-unit
    extended control character."""
    units = text.encode('utf-16-le')
    if tab_after_first_word:  # an inline tab control: 8 code units
        units = struct.pack('<H', 9) + b'\0' * 12 + struct.pack('<H', 9) + units
    for code, _ in controls:
        units += struct.pack('<H', code) + b'\0' * 12 + struct.pack('<H', code)
    para_header = hwp_record(66, level, struct.pack('<IIHBB', len(units) // 2 + 1, 0, 0, 0, 0) + b'\0' * 10)
    out = para_header + hwp_record(67, level + 1, units + struct.pack('<H', 13))
    for _, make in controls:
        out += make(level + 1)
    return out


def _ctrl_id(chars):
    return struct.pack('<I', (ord(chars[0]) << 24) | (ord(chars[1]) << 16) | (ord(chars[2]) << 8) | ord(chars[3]))


def hwp_table(rows):
    """A table control for hwp_para_records' controls: rows of cells; a cell is a text or a list
    of (text, controls) paragraphs. Records: CTRL_HEADER "tbl " at the control level, then one
    level deeper the TABLE record (row count, cells per row) and, per cell, a LIST_HEADER with
    the cell's address followed by its paragraphs."""
    def make(level):
        out = hwp_record(71, level, _ctrl_id('tbl ') + b'\0' * 42)
        cols = max(len(r) for r in rows)
        table = struct.pack('<IHHH', 0, len(rows), cols, 0) + b'\0' * 8
        table += b''.join(struct.pack('<H', len(r)) for r in rows) + struct.pack('<HH', 1, 0)
        out += hwp_record(77, level + 1, table)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                paragraphs = [(cell, ())] if isinstance(cell, str) else cell
                cell_attrs = struct.pack('<HHHHII', c, r, 1, 1, 5000, 1000) + b'\0' * 8 + struct.pack('<H', 1)
                out += hwp_record(72, level + 1, struct.pack('<HIH', len(paragraphs), 0, 0) + cell_attrs)
                for text, controls in paragraphs:
                    out += hwp_para_records(text, level=level + 1, controls=controls)
        return out
    return (11, make)


def hwp_header(text, footer=False):
    """A header (or footer) control for hwp_para_records' controls."""
    def make(level):
        out = hwp_record(71, level, _ctrl_id('foot' if footer else 'head') + b'\0' * 8)
        out += hwp_record(72, level + 1, struct.pack('<HIH', 1, 0, 0) + b'\0' * 26)
        return out + hwp_para_records(text, level=level + 1)
    return (16, make)


def hwp_note(text, endnote=False):
    """A footnote (or endnote) control for hwp_para_records' controls."""
    def make(level):
        out = hwp_record(71, level, _ctrl_id('en  ' if endnote else 'fn  ') + b'\0' * 8)
        out += hwp_record(72, level + 1, struct.pack('<HIH', 1, 0, 0))
        return out + hwp_para_records(text, level=level + 1)
    return (17, make)


def hwp_summary(title, author):
    """An OLE property set with title (2) and author (4) as VT_LPWSTR."""
    def lpwstr(s):
        data = (s + '\0').encode('utf-16-le')
        data += b'\0' * ((4 - len(data) % 4) % 4)
        return struct.pack('<II', 0x1F, len(s) + 1) + data
    props = [(2, lpwstr(title)), (4, lpwstr(author))]
    offset = 8 + 8 * len(props)
    table, blobs = b'', b''
    for pid, blob in props:
        table += struct.pack('<II', pid, offset + len(blobs))
        blobs += blob
    section = struct.pack('<II', 8 + len(table) + len(blobs), len(props)) + table + blobs
    fmtid = bytes.fromhex('60b6a29f6110d411b4c6006097c09d8c')
    header = struct.pack('<HHI', 0xFFFE, 0, 0x00020006) + b'\0' * 16 + struct.pack('<I', 1)
    return header + fmtid + struct.pack('<I', 28 + 20) + section


def hwp5_records(paragraphs):
    """The (uncompressed) BodyText/Section0 record stream of make_hwp5's paragraphs."""
    return b''.join(hwp_para_records(p, i == 1) if isinstance(p, str) else hwp_para_records(p[0], controls=p[1])
                    for i, p in enumerate(paragraphs))


def make_hwp5(paragraphs, title='', author='', compressed=True, flags_extra=0):
    """paragraphs: texts, or (text, controls) pairs for paragraphs that anchor tables and notes."""
    import gi
    gi.require_version('Gsf', '1')
    from gi.repository import Gsf
    records = hwp5_records(paragraphs)
    if compressed:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        records = c.compress(records) + c.flush()
    header = b'HWP Document File'.ljust(32, b'\0') + struct.pack('<II', 0x05000300, (1 if compressed else 0) | flags_extra)
    header = header.ljust(256, b'\0')
    import os
    import tempfile
    fd, path = tempfile.mkstemp(suffix='.hwp')
    os.close(fd)
    out = Gsf.OutputStdio.new(path)  # the memory sink's bytes are not reachable from Python
    ole = Gsf.OutfileMSOle.new(out)
    def stream(parent, name, data):
        s = parent.new_child(name, False)
        s.write(data)
        s.close()
    stream(ole, 'FileHeader', header)
    stream(ole, 'DocInfo', b'')
    body = ole.new_child('BodyText', True)
    stream(body, 'Section0', records)
    body.close()
    stream(ole, '\x05HwpSummaryInformation', hwp_summary(title, author))
    ole.close()  # also closes the file sink
    with open(path, 'rb') as f:
        data = f.read()
    os.unlink(path)
    return data

# ---------------------------------------------------------------- PDF


def _pdf_string(line):
    if all(ord(c) < 128 for c in line):
        return 'F1', '(' + line.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)') + ')'
    return 'F2', '<' + line.encode('utf-16-be').hex() + '>'


def wrap(text, width):
    lines, cur = [], ''
    for word in text.split(' '):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f'{cur} {word}' if cur else word
    if cur:
        lines.append(cur)
    return lines


def make_pdf(pages, title='', author='', raw_pages=None, identity_font=False):
    """pages: list of lists of paragraphs. Paragraphs are wrapped and separated by a blank line.
    raw_pages: optional list of raw content streams (bytes) used instead (e.g. a page with only
    a drawing, like a scan)."""
    objects = []
    def add(data):
        objects.append(data if isinstance(data, bytes) else data.encode('latin-1'))
        return len(objects)
    catalog = add('')  # placeholder 1
    pages_obj = add('')  # placeholder 2
    f1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    cidfont = add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYSMyeongJo-Medium '
                  '/CIDSystemInfo << /Registry (Adobe) /Ordering (Korea1) /Supplement 1 >> '
                  '/FontDescriptor << /Type /FontDescriptor /FontName /HYSMyeongJo-Medium /Flags 6 '
                  '/FontBBox [0 -148 1001 880] /ItalicAngle 0 /Ascent 880 /Descent -148 /CapHeight 880 /StemV 60 >> '
                  '/DW 1000 /W [1 [250] 2 95 500] >>')
    f2 = add(f'<< /Type /Font /Subtype /Type0 /BaseFont /HYSMyeongJo-Medium-UniKS-UCS2-H '
             f'/Encoding /UniKS-UCS2-H /DescendantFonts [{cidfont} 0 R] >>')
    fonts = f'/F1 {f1} 0 R /F2 {f2} 0 R'
    if identity_font:  # a CID font addressed by glyph ids, with no ToUnicode map
        cid2 = add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /KbGlyphs '
                   '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> '
                   '/FontDescriptor << /Type /FontDescriptor /FontName /KbGlyphs /Flags 4 /FontBBox [0 0 1000 1000] '
                   '/ItalicAngle 0 /Ascent 900 /Descent -100 /CapHeight 700 /StemV 80 >> /DW 600 >>')
        f3 = add(f'<< /Type /Font /Subtype /Type0 /BaseFont /KbGlyphs /Encoding /Identity-H /DescendantFonts [{cid2} 0 R] >>')
        fonts += f' /F3 {f3} 0 R'
    kids = []
    contents = raw_pages if raw_pages is not None else []
    if raw_pages is None:
        for paragraphs in pages:
            ops, y = ['BT'], 800
            for para in paragraphs:
                width = 90 if all(ord(c) < 128 for c in para) else 45
                for line in wrap(para, width):
                    font, s = _pdf_string(line)
                    ops.append(f'/{font} 10 Tf 1 0 0 1 40 {y} Tm {s} Tj')
                    y -= 14
                y -= 14
            ops.append('ET')
            contents.append('\n'.join(ops).encode('latin-1'))
    for content in contents:
        stream = add(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
        kids.append(add(f'<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] '
                        f'/Resources << /Font << {fonts} >> >> /Contents {stream} 0 R >>'))
    objects[catalog - 1] = f'<< /Type /Catalog /Pages {pages_obj} 0 R >>'.encode()
    objects[pages_obj - 1] = f'<< /Type /Pages /Kids [{" ".join(f"{k} 0 R" for k in kids)}] /Count {len(kids)} >>'.encode()
    def pdf_text(s):
        return '<FEFF' + s.encode('utf-16-be').hex() + '>'
    info = add(f'<< /Title {pdf_text(title)} /Author {pdf_text(author)} /CreationDate (D:20250301090000Z) >>')
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, data in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + data + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, catalog, info, xref)
    return bytes(out)
