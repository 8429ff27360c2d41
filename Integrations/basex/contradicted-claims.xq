xquery version "3.1";

(:~
 : Contradicted claims of a Scholion TEI export, with the sources that contradict them.
 :
 : Input (the context): a `scholion export` corpus.xml (tei:teiCorpus) or one of the
 : per-text files (tei:TEI). Run it on a BaseX database made from the file
 : (contradicted-claims.sh does that) or directly: basex -i corpus.xml contradicted-claims.xq
 :
 : Output: tab-separated values, UTF-8, a header line and then one line per attribution
 : note of type "attribution" with @ana #attribution.contradicted, on a claim annotation
 : (@ana with a #claim.* category) that no person rejected. A claim contradicted by three
 : passages gives three lines. Whitespace inside a field (quotes that cross a line break)
 : is collapsed to one space, so no field holds a tab or a line break. Empty field = none.
 :
 : Columns:
 :   text_id       the text's id (the TEI @xml:id without "text-")
 :   offset        where the claim starts in the text's source file, in Unicode scalar
 :                 values (the characters before its first fragment within tei:text);
 :                 empty when the claim has no inline fragment (a stale annotation)
 :   claim_id      the annotation's @xml:id
 :   text_title    teiHeader/fileDesc/titleStmt/title
 :   predicates    the claim's #claim.* categories, without the prefix, ", "-separated
 :   quote         the claim's quote (note[@type='anchor']/quote; if absent, the string
 :                 values of its inline fragments joined in @next order, with the text
 :                 between fragments, i.e. the source text the claim spans)
 :   source_id     the contradicting source's @xml:id (ref:X resolved through listPrefixDef)
 :   source_author its author(s), "; "-separated (empty when the source has none)
 :   source_title  its title
 :   passage       the citedRange(s), "; "-separated
 :   cert          the attribution's certainty
 :   fact_id       the reference-base fact (@corresp) the attribution rests on
 :   reason        the attribution note's text (why the source contradicts the claim)
 :
 : Order: text_id, then offset (claims without one last), then claim_id, then the order of
 : the attribution notes in the annotation. Deterministic for a given input.
 :)

declare namespace tei = "http://www.tei-c.org/ns/1.0";
declare namespace output = "http://www.w3.org/2010/xslt-xquery-serialization";
declare option output:method "text";
declare option output:encoding "UTF-8";

declare variable $local:TAB := '&#9;';
declare variable $local:NL := '&#10;';

declare variable $local:COLUMNS := (
  'text_id', 'offset', 'claim_id', 'text_title', 'predicates', 'quote', 'source_id',
  'source_author', 'source_title', 'passage', 'cert', 'fact_id', 'reason'
);

(: The corpus (or single text) this query reads. :)
declare variable $local:root as element() := (
  let $r := (/tei:teiCorpus, /tei:TEI)[1]
  return if (exists($r)) then $r
         else error(xs:QName('local:input'),
                    'not a Scholion TEI export: the document has no tei:teiCorpus or tei:TEI root')
);

(: Every element with an @xml:id, by id. Ids are unique within an export file. :)
declare variable $local:by-id as map(xs:string, element()) := map:merge(
  for $e in $local:root/descendant-or-self::*[@xml:id]
  return map:entry(string($e/@xml:id), $e),
  map { 'duplicates': 'use-first' }
);

(: The document's private URI prefixes (listPrefixDef), by prefix. :)
declare variable $local:prefixes as map(xs:string, element(tei:prefixDef)) := map:merge(
  for $p in $local:root/tei:teiHeader//tei:prefixDef[@ident]
  return map:entry(string($p/@ident), $p),
  map { 'duplicates': 'use-first' }
);

(:~ A pointer with its private prefix expanded: "ref:X" gives "#X" (per the prefixDef). :)
declare function local:expand($pointer as xs:string) as xs:string {
  let $prefix := substring-before($pointer, ':')
  let $rest := substring-after($pointer, ':')
  let $def := if ($prefix) then $local:prefixes($prefix) else ()
  return
    if (exists($def) and matches($rest, '^(' || $def/@matchPattern || ')$'))
    then replace($rest, $def/@matchPattern, $def/@replacementPattern)
    else $pointer
};

(:~ The element a local pointer ("#X", or "ref:X") points to, if it is in this document. :)
declare function local:target($pointer as xs:string) as element()? {
  let $p := local:expand($pointer)
  return if (starts-with($p, '#')) then $local:by-id(substring($p, 2)) else ()
};

(:~ The id a pointer names, without "#" or the private prefix. :)
declare function local:id-of($pointer as xs:string) as xs:string {
  replace(local:expand($pointer), '^#', '')
};

(:~ One line of output: one field per array member (an empty member gives an empty field),
 : each with its whitespace collapsed, joined by tabs. :)
declare function local:line($fields as array(*)) as xs:string {
  string-join(
    array:for-each($fields, function($f) { normalize-space(string-join($f ! string(.), ' ')) })?*,
    $local:TAB)
};

(:~ A fragment and those after it, following @next (guarded against loops). :)
declare function local:chain($fragment as element(), $seen as xs:string*) as element()* {
  let $id := string($fragment/@xml:id)
  return
    if ($id = $seen) then ()
    else (
      $fragment,
      for $next in tokenize($fragment/@next)[1] ! local:target(.)
      return local:chain($next, ($seen, $id))
    )
};

(:~
 : The source text from the start of the first fragment to the end of the last: the string
 : values of the fragments joined in @next order, with the text between them (a claim is
 : one range of its text; it is cut into fragments only where it crosses other elements, and
 : the whitespace between two blocks belongs to no fragment).
 :)
declare function local:span($text as element(tei:text), $first as element(),
                            $last as element()) as xs:string {
  string-join(
    $text//text()[. >> $first][. << $last or ancestor::* intersect $last], '')
};

(:~ A citedRange, with its unit when it has one ("page 169"). :)
declare function local:range($r as element(tei:citedRange)) as xs:string {
  normalize-space(string-join(($r/@unit, string($r)), ' '))
};

(:~
 : The source and passage a bibl (of an attribution note) points to: one map per pointer,
 : with the source bibl (if found in the standOff), its id, and the passage(s). A pointer to
 : a passage bibl (#cite.*, listBibl type="citations") is followed to its source.
 :)
declare function local:sources($bibl as element(tei:bibl)) as map(*)* {
  for $pointer in $bibl/tei:ptr/@target ! tokenize(.)
  let $t := local:target($pointer)
  let $is-passage := exists($t/self::tei:bibl[tei:ptr][parent::tei:listBibl[@type = 'citations']])
  let $source-pointer := if ($is-passage) then tokenize($t/tei:ptr/@target)[1] else $pointer
  let $source := if ($is-passage) then local:target($source-pointer) else $t
  let $ranges := ($bibl/tei:citedRange, if ($is-passage) then $t/tei:citedRange else ())
  return map {
    'id': if (exists($source/@xml:id)) then string($source/@xml:id) else local:id-of($source-pointer),
    'author': string-join(
      ($source/tei:author, $source[empty(tei:author)]/tei:editor) ! normalize-space(), '; '),
    'title': string(($source/tei:title[@level = 'm'], $source/tei:title)[1]),
    'passage': string-join(distinct-values($ranges ! local:range(.)), '; ')
  }
};

(:~ The text of an attribution note without its bibl: why the source contradicts the claim. :)
declare function local:reason($note as element(tei:note)) as xs:string {
  string-join($note/node()[not(self::tei:bibl)] ! string(.), '')
};

let $rows :=
  for $tei in $local:root/descendant-or-self::tei:TEI
  let $text-id := replace(string($tei/@xml:id), '^text-', '')
  let $title := ($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]
  let $text := $tei/tei:text
  for $annotation in $tei/tei:standOff//tei:listAnnotation[@type = 'annotations']/tei:annotation
  let $categories := tokenize($annotation/@ana)
  where some $c in $categories satisfies starts-with($c, '#claim.')
  (: the inline fragments: the targets inside tei:text (a stale annotation targets the TEI) :)
  let $fragments := tokenize($annotation/@target) ! local:target(.)
                    [ancestor::tei:text[. is $text]]
  let $first := ($fragments[empty(@prev)], $fragments)[1]
  let $chain := if (exists($first)) then local:chain($first, ()) else ()
  where not($annotation/tei:revisionDesc/@status = 'rejected')
    and not($chain ! tokenize(@ana) = '#review.rejected')
  let $offset := if (exists($first))
                 then string-length(string-join($text//text()[. << $first], ''))
                 else ()
  let $quote := (
    $annotation/tei:note[@type = 'anchor']/tei:quote ! string(.),
    if (exists($chain)) then local:span($text, $first, $chain[last()]) else ()
  )[1]
  let $predicates := string-join(
    $categories[starts-with(., '#claim.')] ! substring-after(., '#claim.'), ', ')
  for $note at $n in $annotation/tei:note[@type = 'attribution']
  where tokenize($note/@ana) = '#attribution.contradicted'
  for $bibl in ($note/tei:bibl, $note[empty(tei:bibl)])
  for $source at $s in (if ($bibl instance of element(tei:bibl))
                        then local:sources($bibl) else map { })
  order by $text-id, $offset empty greatest, string($annotation/@xml:id), $n, $s
  return local:line([
    $text-id, $offset, $annotation/@xml:id, $title, $predicates, $quote,
    $source?id, $source?author, $source?title, $source?passage,
    $note/@cert, string-join(tokenize($note/@corresp) ! local:id-of(.), ' '),
    local:reason($note)
  ])

return string-join((local:line(array { $local:COLUMNS }), $rows), $local:NL) || $local:NL
