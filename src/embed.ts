// The script-tag entry: registers every element and exports nothing (no globals).
import './define.js';
