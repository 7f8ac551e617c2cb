#!/usr/bin/perl
# Fails when a string literal in src/*.c holds a Latin letter with marks
# ("é", "ñ", "ß", written as UTF-8 or as "\xc3\xa9" escapes).  The
# normaliser folds such letters to their base letters before any
# detector, allow-list entry or rule phrase is compared with the text
# (src/pg_normalize_fold.c), so a literal that spells one never matches:
# write "cirugia", not "cirugía".  Comments are not read.
#
#   scripts/check-literals.pl src/*.c
use strict;
use warnings;

my $bad = 0;

for my $file (@ARGV) {
    open(my $fh, '<:raw', $file) or die "$file: $!\n";
    local $/;
    my $src = <$fh>;
    close($fh);

    # blank out comments, keeping the line breaks for the line numbers
    $src =~ s{/\*.*?\*/}{ (my $c = $&) =~ s/[^\n]//g; $c }gse;

    while ($src =~ /"((?:[^"\\\n]|\\.)*)"/g) {
        my ($lit, $at) = ($1, $-[0]);
        my $bytes = $lit;
        $bytes =~ s/\\x([0-9a-fA-F]{2})/chr(hex($1))/ge;
        my $text = $bytes;
        next unless utf8::decode($text);
        next unless $text =~ /[\x{c0}-\x{d6}\x{d8}-\x{f6}\x{f8}-\x{24f}\x{1e00}-\x{1eff}]/;
        my $line = 1 + (substr($src, 0, $at) =~ tr/\n//);
        print STDERR "$file:$line: a letter with marks in \"$lit\": the "
            . "normaliser folds it, write its base letters\n";
        $bad = 1;
    }
}

exit $bad;
