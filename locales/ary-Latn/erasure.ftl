## erasure: "mse7 les données dyali" (flows/erasure.py), the retention notice
erase_confirm = Tlbti nmse7o ga3 lma3lomat dyalk. Ghadi nmse7o: charika dyalk, lma3lomat dyal contact (smiya, tilifon, email, ICE), lmontojat dyalk o tsawr dyalhom o l'audios, lhedra dyalna o dossier dyalk.{ $storefront ->
        [1] {" "}O la vitrine dyalk f souk ghadi tt7yed.
       *[0] {""}
    }
    Hadchi nihai: ma ymknch nrj3o 7ta 7aja. Wach mt2ked bghiti tmse7 kolchi?
btn_erase_yes = Iyeh, mse7 kolchi
btn_erase_no = La, khlih
erase_done = Safi: tmse7o ga3 lma3lomat dyalk. Hadi akhir risala menna. Ila ktbti lina mn jdid, ghadi tbda tasjil jdid.
erase_kept = Wakha, ma tmse7 walo.
help_erase = Bach tmse7 ga3 lma3lomat dyalk, kteb « mse7 lma3lomat dyali ».
retention_notice = Tasjil dyalk f Tijara wa9ef hadi modda twila. Ila ma sm3nach mnk f { $days } youm, ghadi nmse7o dakchi li dkhlti (9anoun 09-08). Bach tkmml, ghir jaweb 3la had risala.
