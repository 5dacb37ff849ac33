/** Parses HTML into the light tree with htmlparser2, building what linkedom's parser builds from the same events. */
import { Parser } from 'htmlparser2';
import { LightCharacterData, LightDocument, LightElement, type LightParent } from './nodes.ts';

/** Parses `html` (never throws: htmlparser2 accepts any input). */
export function parseLight(html: string): LightDocument {
  const document = new LightDocument();
  let node: LightParent = document;
  let inCData = false;
  const parser = new Parser({
    onprocessinginstruction(name, data) {
      if (name.toLowerCase() === '!doctype') document.doctype = data.slice(name.length).trim();
    },
    onopentag(name, attribs) {
      node = node.appendChild(new LightElement(document, name, attribs));
    },
    oncomment(data) {
      node.appendChild(new LightCharacterData(8, document, data));
    },
    ontext(text) {
      node.appendChild(new LightCharacterData(inCData ? 4 : 3, document, text));
    },
    oncdatastart() {
      inCData = true;
    },
    oncdataend() {
      inCData = false;
    },
    onclosetag() {
      node = node.parentNode ?? document;
    },
  }, { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false });
  parser.write(html);
  parser.end();
  return document;
}
