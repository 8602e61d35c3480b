// Office files built the way Word, Excel and LibreOffice write them: entries compressed with deflate,
// sizes in data descriptors after the data, the full set of parts. The simpler stored-entry files of
// ./files.ts show the format; these show the detection holds on what applicants actually send.
import { crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: string;
  content: string;
  /** Stored as is: the ODF `mimetype` entry must be, so that it can be read at a fixed offset. */
  stored?: boolean;
}

/** A ZIP archive whose entries are deflated and followed by data descriptors (general purpose bit 3). */
export function officeZip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = Buffer.from(entry.content, "utf8");
    const body = entry.stored ? data : deflateRawSync(data);
    const crc = crc32(data);
    const flags = entry.stored ? 0x0800 : 0x0808; // UTF-8 names; data descriptor when deflated
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    if (entry.stored) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(entry.stored ? 0 : 16);
    if (!entry.stored) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
    }
    parts.push(local, name, body, descriptor);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + body.length + descriptor.length;
  }
  const directorySize = directory.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="MAIN"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
const CORE = `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Budget prévisionnel</dc:title></cp:coreProperties>`;

function contentTypes(main: string, mainType: string): string {
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${mainType}"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
}

function ooxml(main: string, mainType: string, parts: Array<[string, string]>): Buffer {
  return officeZip([
    { name: "[Content_Types].xml", content: contentTypes(main, mainType) },
    { name: "_rels/.rels", content: PACKAGE_RELS.replace("MAIN", main) },
    { name: "docProps/core.xml", content: CORE },
    ...parts.map(([name, content]) => ({ name, content })),
  ]);
}

function odf(mimetype: string, body: string): Buffer {
  return officeZip([
    { name: "mimetype", content: mimetype, stored: true },
    {
      name: "content.xml",
      content: `${XML}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"><office:body>${body}</office:body></office:document-content>`,
    },
    {
      name: "META-INF/manifest.xml",
      content: `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    },
  ]);
}

const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const WORD_BODY = `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Projet associatif</w:t></w:r></w:p></w:body></w:document>`;

export const OFFICE_FILES = {
  docx: ooxml("word/document.xml", WORD_MAIN, [["word/document.xml", WORD_BODY]]),
  xlsx: ooxml(
    "xl/workbook.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    [
      [
        "xl/workbook.xml",
        `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Budget" sheetId="1"/></sheets></workbook>`,
      ],
      [
        "xl/worksheets/sheet1.xml",
        `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1500</v></c></row></sheetData></worksheet>`,
      ],
    ],
  ),
  /** A Word document with macros: a different type, whatever its name says. */
  docm: ooxml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml", [
    ["word/document.xml", WORD_BODY],
    ["word/vbaProject.bin", "Attribute VB_Name"],
  ]),
  /** A PowerPoint presentation: not an accepted type. */
  pptx: ooxml(
    "ppt/presentation.xml",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    [["ppt/presentation.xml", `${XML}<p:presentation/>`]],
  ),
  odt: odf("application/vnd.oasis.opendocument.text", "<office:text/>"),
  ods: odf("application/vnd.oasis.opendocument.spreadsheet", "<office:spreadsheet/>"),
  /** An OpenDocument presentation: not an accepted type. */
  odp: odf("application/vnd.oasis.opendocument.presentation", "<office:presentation/>"),
  /** A plain archive. */
  zip: officeZip([{ name: "lisez-moi.txt", content: "Bonjour" }]),
} as const;
