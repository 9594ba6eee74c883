# Reads an abidiff report and exits 1 unless every change in it is a member appended at the end
# of lmp_adapter_v1 or lmp_host_api (each of those tables grown, nothing moved, retyped or gone).
/offset changed|deletion|name changed|subrange|array type size|Removed [1-9]|[1-9][0-9]* Added|hasn't changed/ {
  print "append_only: not an append: " $0; bad = 1
}
/underlying type 'struct lmp_(adapter_v1|host_api)'/ { table = 1; next }
/type size changed from/ {
  match($0, /from [0-9]+ to [0-9]+/)
  split(substr($0, RSTART + 5, RLENGTH - 5), size, " to ")
  if (!table || size[2] + 0 <= size[1] + 0) { print "append_only: a size change: " $0; bad = 1 }
  old_size = size[1] + 0
  table = 0
  next
}
/', at offset [0-9]+ \(in bits\)/ {
  match($0, /at offset [0-9]+/)
  if (substr($0, RSTART + 10, RLENGTH - 10) + 0 < old_size) {
    print "append_only: inserted inside the old layout: " $0; bad = 1
  }
}
END { exit bad }
