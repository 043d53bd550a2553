print("tenderscreen")
