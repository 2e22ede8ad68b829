// Bandwidth: one block polling a feed document that does not change.
import '../../src/define.js';
