declare module 'spdx-expression-parse' {
  type Node =
    | { license: string; plus?: boolean; exception?: string }
    | { left: Node; conjunction: 'and' | 'or'; right: Node };
  function parse(source: string): Node;
  export = parse;
}
declare module 'spdx-license-list' {
  const list: Record<string, { name: string; url: string; osiApproved: boolean }>;
  export = list;
}
