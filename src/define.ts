// `live-ticker/define`: registers every element, at once (a developer's code may use them on the next line).
import { defineLiveTicker } from './define-elements.js';

export { defineLiveTicker };

defineLiveTicker();
