# a comment is fine
echo #never.defined#
touch ran
