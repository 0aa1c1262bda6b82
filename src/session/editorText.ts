// What *Open in editor* puts in its tab: JSON pretty-printed (two spaces) with the json language, other data as it came.

export interface EditorDocument {
  content: string;
  language: 'json' | 'plaintext';
}

export function editorDocument(data: string): EditorDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { content: data, language: 'plaintext' };
  }
  // A JSON string or number is shown as sent; objects and arrays read better spread over lines.
  if (typeof parsed !== 'object' || parsed === null) return { content: data, language: 'json' };
  return { content: `${JSON.stringify(parsed, null, 2)}\n`, language: 'json' };
}
