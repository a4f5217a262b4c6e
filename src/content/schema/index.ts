export * from "./common.js";
export * from "./site.js";
export * from "./sector.js";
export * from "./product.js";
export * from "./comparison.js";
export * from "./matrix.js";
