/**
 * A feed's bytes to text, as the Encoding standard and XML say: a byte-order mark (UTF-8, UTF-16LE/BE)
 * wins, then the response's `charset`, then the XML declaration's `encoding`, then UTF-8. Labels are the
 * Encoding standard's, so "iso-8859-1" reads as Windows-1252, as browsers do; a label the engine does
 * not know reads as UTF-8. A document that declares nothing and is not UTF-8 reads as Windows-1252,
 * as feed readers do (an ISO-8859-1 feed shows "Líder", not "L�der").
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType = ''): string {
  const [a, b, c] = bytes;
  const bom =
    a === 0xef && b === 0xbb && c === 0xbf
      ? 'utf-8'
      : a === 0xff && b === 0xfe
        ? 'utf-16le'
        : a === 0xfe && b === 0xff
          ? 'utf-16be'
          : undefined;
  // An XML declaration in UTF-16 without a mark shows by its zero bytes around "<?".
  const sniffed = a === 0x3c && b === 0 ? 'utf-16le' : a === 0 && b === 0x3c ? 'utf-16be' : undefined;
  const label =
    bom ??
    /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    sniffed ??
    // A declaration readable as ASCII cannot truly be UTF-16, whatever it claims.
    /^<\?xml[^>]*\sencoding\s*=\s*["']((?!utf-16)[\w.:-]+)["']/i.exec(new TextDecoder('windows-1252').decode(bytes.subarray(0, 200)))?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8', { fatal: !label }).decode(bytes);
  } catch {
    return new TextDecoder(label ? 'utf-8' : 'windows-1252').decode(bytes);
  }
}
