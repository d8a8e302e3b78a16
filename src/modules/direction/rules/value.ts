// An indicator's value as entered: the parser lives in the contracts (the web report form runs the same one).
export {
  parseValue,
  numericValue,
  ruleLookup,
  TEXT_MAX,
  type IndicatorShape,
  type Parsed,
  type ValueType,
} from '../../../contracts/direction-value.js';
