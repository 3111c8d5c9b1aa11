/** The file picker's hint for notices' attachments and receipts; the server decides by content (src/server/files/file-types.ts). */
export const DOCUMENT_ACCEPT = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  '.docx',
  '.xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');
