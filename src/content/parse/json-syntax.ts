const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * Offset of the first JSON syntax error in `text`, or undefined when it is valid JSON. Only
 * used after JSON.parse failed, to point at a line: V8's messages do not always carry a
 * position. Iterative, so deep nesting cannot overflow the stack.
 * @example jsonErrorOffset('{"a": }') // 6
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const stack: string[] = [];
  type State = "value" | "valueOrEnd" | "key" | "keyOrEnd" | "after";
  let state: State = "value";
  const skip = (): void => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  // Returns false at the offending character, leaving `i` there.
  const string = (): boolean => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < " ") return false;
      if (c === '"') {
        i++;
        return true;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          i++;
          return false;
        }
      } else {
        i++;
      }
    }
  };
  for (;;) {
    skip();
    const c = text[i];
    switch (state) {
      case "valueOrEnd":
      case "keyOrEnd":
        if (c === (state === "valueOrEnd" ? "]" : "}")) {
          stack.pop();
          i++;
          state = "after";
        } else {
          state = state === "valueOrEnd" ? "value" : "key";
        }
        continue;
      case "key":
        if (c !== '"' || !string()) return i;
        skip();
        if (text[i] !== ":") return i;
        i++;
        state = "value";
        continue;
      case "value":
        if (c === "{" || c === "[") {
          stack.push(c);
          i++;
          state = c === "{" ? "keyOrEnd" : "valueOrEnd";
          continue;
        }
        if (c === '"') {
          if (!string()) return i;
        } else if (text.startsWith("true", i) || text.startsWith("null", i)) {
          i += 4;
        } else if (text.startsWith("false", i)) {
          i += 5;
        } else {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return i;
          i = NUMBER.lastIndex;
        }
        state = "after";
        continue;
      case "after": {
        const top = stack[stack.length - 1];
        if (top === undefined) return i === text.length ? undefined : i;
        if (c === ",") {
          i++;
          state = top === "{" ? "key" : "value";
        } else if ((top === "{" && c === "}") || (top === "[" && c === "]")) {
          stack.pop();
          i++;
        } else {
          return i;
        }
        continue;
      }
    }
  }
}
