## erasure: "mse7 les données dyali" (flows/erasure.py), the retention notice
erase_confirm = Tlbtiw nms7o ga3 l ma3lomat dyalkom. Ghadi nms7o: charika dyalkom, l ma3lomat dyal l ittisal (smiya, tilifon, email, ICE), sel3a dyalkom w tsawer dyalha w l audios, l hdra dyalna w l malaf dyalkom.{ $storefront ->
        [1] {" "}W l page dyalkom f l plateforme ghadi tt7yed.
       *[0] {""}
    }
    Hadchi nihai: ma ymknch nrj3o 7ta 7aja. Wach mt2kdin bghitiw tms7o kolchi?
btn_erase_yes = Iyeh, nms7 kolchi
btn_erase_no = La, nkhalliha
erase_done = Safi: tms7o ga3 l ma3lomat dyalkom. Hadi akhir risala mnna. Ila ktebtiw lina mn jdid, ghadi ybda tasjil jdid.
erase_kept = Wakha, ma tms7 walo.
help_erase = Bach tms7o ga3 l ma3lomat dyalkom, ktbo « mse7 les données dyali ».
retention_notice = Tasjil dyalkom f Tijara wa9ef hadi modda twila. Ila ma sm3nach mnkom f { $days } youm, ghadi nms7o dakchi li dkhltiw (l9anoun 09-08). Bach tkmmlo, ghir jawbo 3la had risala.
