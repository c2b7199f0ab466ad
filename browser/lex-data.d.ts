// The build's data the modules import (build_scripts/publish/site.py script_data; browser/build.mjs resolves them).
declare module "lex:messages" { const value: Record<string, { zh: string; en: string }>; export default value; }
declare module "lex:urls" { const value: { article: string; full_text: string; reg: string }; export default value; }
declare module "lex:storage" { const value: Record<string, string>; export default value; }
declare module "lex:units-index" {
  const value: Array<{ id: string; title: { zh: string; en: string }; file: string }>; export default value;
}
declare module "lex:hant" { const value: any; export default value; }
declare module "lex:cite-rules" { const value: { rules: any; structure: Record<string, number[][]> }; export default value; }
